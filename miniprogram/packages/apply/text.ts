import { t as main } from '../../locale/text';
import { extended, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/**
 * What the application form (packages/apply) says, in 简体中文 (the source language: text-en.ts and text-zh-Hant.ts have exactly these keys
 * and placeholders). Kept in the subpackage so the main package does not carry it.
 */
const zhCN = {
  apply: {
    next: '保存并继续',
    back: '上一步',
    saving: '保存中…',
    /** Progress counts parts, not steps: a branch adds or drops steps inside a part, never parts. */
    partOf: '第{n}部分，共{total}部分 · {part}',
    parts: {
      details: '填写申请信息',
      declaration: '签署声明',
      materials: '照片和材料',
      delivery: '缴费和取件',
      face: '身份核验',
      review: '确认提交',
    },
    resumed: '已恢复您上次保存的草稿，从“{step}”继续填写。',
    restart: '放弃草稿，重新填写',
    restartConfirm: '放弃后，已填写的内容和上传的材料将不再保留。确定重新填写吗？',
    confirm: '确定',
    cancel: '取消',
    choose: '请选择',
    chooseDate: '请选择日期',
    required: '必填',
    /** A required field's placeholder when its definition has none: a hint, not an answer. */
    requiredHint: '请填写',
    optional: '选填',
    fixErrors: '请按提示修改后再继续',
    needMission: '请先选择受理您申请的使领馆。',
    needIdentity: '申请前请先完成实名认证。',
    goMission: '选择使领馆',
    goIdentity: '去实名认证',
    loadFailed: '加载失败，请稍后重试',
    retry: '重试',
    goService: '改为申请{service}',
    signer: { applicant: '请申请人本人签名', guardian: '申请人未满10周岁，请监护人签名' },
    signHint: '请在下方方框内用手指签名',
    signEmpty: '请先在方框内签名',
    signClear: '清除重写',
    signConfirm: '确认签名',
    signDone: '签名已保存',
    signAgain: '重新签名',
    photoCamera: '拍摄证件照',
    photoAlbum: '从相册选择',
    photoRetake: '重新拍摄或选择',
    photoShoot: '拍照',
    cameraUnavailable: '无法使用相机，请从相册选择照片，或在设置中允许使用相机',
    photoGuide: '请将脸放进椭圆框、眼睛对准横线，正对镜头，背景为白色或浅色',
    photoChecking: '正在检查照片…',
    photoPassed: '照片已通过自动检查（提交后仍由工作人员审核）',
    photoFailed: '照片未通过检查，请按以下原因重新拍摄或选择：',
    photoAdvice: '建议：',
    photoOriginal: '原照片',
    photoAutoCrop: '已为您按规格裁剪',
    photoAutoCropHint: '照片中的人脸符合要求，只是取景不合规格。您可以使用按规格裁剪后的照片，或重新拍摄。',
    photoUseCrop: '使用裁剪后的照片',
    photoFirst: '证件照通过检查后即可继续',
    photoSampleTitle: '合格照片示例',
    photoSampleLabel: '合格证件照示例：浅色背景，正面免冠，露出双耳，深色上衣',
    photoSampleRules: ['白色或浅色背景', '正面、免冠、双眼睁开', '露出双耳和眉毛', '深色上衣，脸上无阴影'],
    docPick: '拍照或选择图片',
    docReplace: '重新上传',
    docUploaded: '已上传',
    docFailed: '未通过：',
    uploadNotPassed: '上传的图片未通过检查，请按提示重新拍摄或上传',
    docTypes: 'JPG或PNG图片，每张不超过5MB',
    uploading: '上传中…',
    faceStart: '开始人脸核验',
    faceSkip: '跳过，改为视频面审',
    faceSkipTitle: '跳过人脸核验',
    faceSkipContent: '跳过后，使领馆将与您预约视频面审，审核时间可能延长。确定跳过吗？',
    faceUnsupported: '当前设备不支持人脸核验，请跳过此步骤，使领馆将安排视频面审。',
    faceUnavailable: '人脸核验仅支持持居民身份证的申请人。请跳过此步骤，使领馆将安排视频面审。',
    facePassed: '人脸核验已通过',
    faceFailed: '人脸核验未通过。可以再试一次（今日还可尝试{n}次），或跳过并预约视频面审。',
    faceSkipped: '已跳过人脸核验，需视频面审',
    faceChecking: '正在核验…',
    review: {
      edit: '修改',
      empty: '未填写',
      documents: '上传的材料',
      face: '身份核验',
      interview: '您的申请需要视频面审：',
      fees: '应缴费用',
      feeTotal: '合计 {amount}',
      /** The draft's price now; the pay page shows the same amount, fixed when submitted. */
      feeNote: '按{option}办理，依使领馆收费标准计算；提交时确定金额，之后收费标准调整不影响本申请。',
      /** The fee note followed by the server's refund rule (no refund for an emergency travel document). */
      feeNoteWithRefund: '{note}{refund}。',
      feeUnknown: '费用项目（暂无法获取金额，以使领馆通知为准）：',
      submit: '提交申请',
      submitting: '提交中…',
      incomplete: '以下内容需要补充：',
      goFix: '去补充',
      noWithdrawTitle: '提交前请确认',
      noWithdrawContent: '应急旅行证申请提交后不可撤回，已缴费用不予退还。确定提交吗？',
      submitConfirm: '确认提交',
    },
    faceStatus: { passed: '已通过', failed: '未通过', skipped: '已跳过（需视频面审）', none: '未完成' },
    yes: '是',
    result: {
      pageTitle: '申请结果',
      title: '申请已提交',
      orderNo: '订单号',
      quote: '咨询使领馆时请提供此订单号。',
      status: '状态',
      interview: '使领馆将与您联系预约视频面审。',
      mailOldPassport: '订单进入“待制证”后，请将旧护照寄至使领馆，并注明姓名和订单号。',
      home: '返回首页',
      orders: '查看我的订单',
      awaitingPayment: '请完成缴费，支付成功后申请将进入审核。',
      pay: '去支付',
    },
  },
} as const;

export type ApplyText = Widen<typeof zhCN>;

/** The main package's sentences plus this subpackage's, in the current language. */
export const t = extended(main, { 'zh-CN': zhCN as ApplyText, 'zh-Hant': zhHant, en });

export { fill } from '../../locale/language';
