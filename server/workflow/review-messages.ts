import { localizedMessages, type Widen } from '../../miniprogram/domain/message-locale';

const reviewZhCN = {
  supplementItemsUnknown: '请从列表中选择需要补充的材料',
  supplementNotRequested: '该材料不在补充材料要求中',
  supplementNotOpen: '当前没有需要补充的材料',
  messageNotFound: '未找到该消息',
  templateUnknown: '不支持的订阅消息模板',
  staffRoleRequired: '该操作需要主管权限',
  /** The supplement item 'other' (anything the reviewer's note describes). */
  otherSupplementItem: '其他补充材料',
  /** A staff note without a status change, in the citizen's timeline. */
  missionNote: '使领馆留言',
  /** A requested supplement not uploaded yet, at resubmission. */
  uploadSupplement: (item: string) => `请上传：${item}`,
} as const;

/**
 * Sentences of the review workflow (server side), in the language of the request
 * (http/request-locale.ts); the state machine's own are in orderMessages (domain).
 */
export const reviewMessages = localizedMessages<Widen<typeof reviewZhCN>>({
  'zh-CN': reviewZhCN,
  'zh-Hant': {
    supplementItemsUnknown: '請從列表中選擇需要補充的材料',
    supplementNotRequested: '該材料不在補充材料要求中',
    supplementNotOpen: '當前沒有需要補充的材料',
    messageNotFound: '未找到該訊息',
    templateUnknown: '不支援的訂閱訊息範本',
    staffRoleRequired: '該操作需要主管許可權',
    otherSupplementItem: '其他補充材料',
    missionNote: '使領館留言',
    uploadSupplement: (item: string) => `請上傳：${item}`,
  },
  en: {
    supplementItemsUnknown: 'Please choose the documents to be supplied from the list',
    supplementNotRequested: 'This document is not among the requested ones',
    supplementNotOpen: 'No further documents are requested at the moment',
    messageNotFound: 'Message not found',
    templateUnknown: 'Unsupported subscription message template',
    staffRoleRequired: 'This action needs a supervisor',
    otherSupplementItem: 'Other documents',
    missionNote: 'Message from the embassy or consulate',
    uploadSupplement: (item: string) => `Please upload: ${item}`,
  },
});

/** What staff must do next, per status (the console's 下一步; citizens read nextStepHint instead). */
export const staffNextStepMessages = {
  awaitingPayment: '等待申请人缴费；到馆缴费的，收款后点“确认已到馆缴费”',
  firstReview: '初审：核对照片、材料与填写内容，然后审核通过、要求补充材料或要求视频面审',
  firstReviewInterview: (reasons: string) => `初审：本申请需视频面审（${reasons}），核对材料后点“要求视频面审”`,
  supplementRequested: (items: string) => `等待申请人补充材料（${items}）；补齐后自动回到待审核，原排队位置不变`,
  secondReviewReviewer: '初审已通过，等待主管复审',
  secondReviewSupervisor: '复审：确认初审结论，审核通过或不予受理',
  interviewUnbooked: '等待申请人预约面审时间；也可在到馆面审后记录并通过',
  interviewBooked: (at: string) => `面审已预约：${at}。届时点“开始视频面审”`,
  interviewHeld: '面审已完成：请决定面审通过或不予受理',
  approved: '审核已通过：开始制证',
  approvedMailPassport: '审核已通过：收到申请人寄来的旧护照后开始制证',
  inProductionMail: '制证中：完成后寄出并填写快递单号',
  inProductionPickup: '制证中：完成后点“制证完成，待领取”',
  readyForPickup: '待申请人到馆领取；领取后点“办结”',
  mailed: '已寄出：申请人确认收到后自动办结，也可手动办结',
  rejectedRefundDue: '已不予受理：已缴费用待退还',
  nothing: '无需处理',
  interviewNotHeld: '尚未进行面审：请先完成视频面审，或到馆面审后点“记录到馆面审并通过”并填写面审说明',
  inPersonLabel: '记录到馆面审并通过',
} as const;

/** The reviewer's workstation: claims, 下一份, supplement checklists. */
export const workstationMessages = {
  claimedByOther: (name: string) => `该申请由 ${name} 办理中；如需接手，请联系主管改派`,
  assigneeNotFound: '改派对象不是本馆在职工作人员',
  reasonsTooMany: '每项材料最多 20 条常用理由',
  supervisorsOnly: '该操作需要主管权限',
  assignSupervisorsOnly: '只有主管可以改派申请；审核员只能领取或放回自己办理的申请',
} as const;

/** Common reasons for a supplement, per document kind; a mission starts from these and edits its own. */
export const defaultSupplementReasons: Readonly<Record<string, readonly string[]>> = {
  id_photo: ['照片背景不是白色或浅色', '照片模糊或曝光不足', '头部比例或位置不符合要求', '佩戴眼镜反光或遮挡面部', '照片为翻拍或经过修饰'],
  image: ['照片模糊，文字无法辨认', '页面不完整，四角需全部拍入', '材料已过期', '缺少签字或盖章'],
  other: ['请补充与申请相关的其他证明材料'],
};

const queueZhCN = {
  withDate: (position: number, date: string) => `您的申请在本馆同类业务审核队列中排第 ${position} 位。按近30天的审核速度，预计约 ${date} 前后有审核结果（仅供参考，以实际审核为准）。`,
  withoutDate: (position: number) => `您的申请在本馆同类业务审核队列中排第 ${position} 位。近期审核数据不足，暂无法估算审核时间。`,
  /** The estimated day (month 1–12). */
  date: (month: number, day: number) => `${month}月${day}日`,
} as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The citizen's place in the queue (order detail), never a promise: always "约"; in the language of the request. */
export const queueMessages = localizedMessages<Widen<typeof queueZhCN>>({
  'zh-CN': queueZhCN,
  'zh-Hant': {
    withDate: (position: number, date: string) => `您的申請在本館同類業務審核佇列中排第 ${position} 位。按近30天的審核速度，預計約 ${date} 前後有審核結果（僅供參考，以實際審核為準）。`,
    withoutDate: (position: number) => `您的申請在本館同類業務審核佇列中排第 ${position} 位。近期審核資料不足，暫無法估算審核時間。`,
    date: (month: number, day: number) => `${month}月${day}日`,
  },
  en: {
    withDate: (position: number, date: string) =>
      `Your application is number ${position} in this mission's review queue for the service. At the pace of the last 30 days, a decision is expected around ${date} (for reference only; the actual review decides).`,
    withoutDate: (position: number) => `Your application is number ${position} in this mission's review queue for the service. There is not enough recent review data to estimate when it will be reviewed.`,
    date: (month: number, day: number) => `${day} ${MONTHS[month - 1]}`,
  },
});
