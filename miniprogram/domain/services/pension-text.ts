import type { ServiceTexts } from './service-text';
import { pensionTile } from './pension-tile';

/**
 * Every word of the pension certification (pension.ts holds the structure). One map per
 * language; locality names are proper nouns and stay in pension-localities.ts.
 */
export const pensionTexts: ServiceTexts = {
  'zh-CN': {
    title: pensionTile.title,
    steps: {
      declaration: {
        title: '认证声明',
        intro:
          '在境外居住、领取国内基本养老金的人员，每12个月须至少认证一次（两次认证间隔不超过12个月），否则养老金将暂停发放。' +
          '认证信息经人力资源社会保障部推送至发放养老金的社保经办机构，一般10个工作日内出结果，无需再告知发放机构。' +
          '本人承诺所填信息真实，认证由领取人本人完成人脸核验；冒领养老金将承担法律责任。',
      },
      pensioner: { title: '领取人信息', intro: '为家人认证时，请填写领取养老金的家人本人的证件信息，人脸核验须由其本人完成。' },
      locality: { title: '发放地', intro: '选择发放养老金的省份和社保经办机构。' },
      account: { title: '社保信息', intro: '社会保障号码与领取人的居民身份证号码相同。' },
      face: { title: '人脸核验', intro: '由领取人本人完成微信人脸核验。未通过或跳过时，需与使领馆工作人员视频面审确认身份。' },
      review: { title: '核对并提交', intro: '认证免费。提交后将推送至人社部门，结果会通过消息通知您。' },
    },
    fields: {
      declarationRead: { label: '我已阅读并同意以上声明' },
      applicantRelation: {
        label: '为谁认证',
        options: {
          self: { label: '本人', hint: '使用您已实名认证的身份' },
          parent: '父母',
          spouse: '配偶',
          relative: '其他家庭成员',
        },
      },
      pensionerIdType: { label: '领取人证件类型', options: { resident_id: '居民身份证' } },
      pensionerIdNumber: { label: '领取人居民身份证号码' },
      pensionerName: { label: '领取人姓名', hint: '与居民身份证上的姓名一致' },
      payingProvince: { label: '发放省份' },
      payingAgency: { label: '社保经办机构' },
      socialSecurityNumber: { label: '社会保障号码', placeholder: '18位，与身份证号码相同' },
      pensionAccountName: { label: '养老金账户户名', hint: '领取养老金的银行账户户名' },
    },
    messages: {
      alreadyDoneElsewhere: '该领取人本年度已通过其他账户提交认证，无需重复认证。如有疑问请联系使领馆。',
      paperForm: '您也可以携带本人护照，到使领馆现场填写并签署《在境外居住人员领取养老金资格审核表》，由使领馆寄回发放地社保经办机构。',
    },
    statusLabels: { at_authority: '认证中', rejected: '认证未通过' },
    statusHints: {
      interview: '人脸核验未通过或已跳过：请预约视频面审，由使领馆工作人员确认身份',
      at_authority: '认证信息已推送至人社部门，一般10个工作日内出结果',
      completed: '认证已完成，请在下次截止日前再次认证',
      rejected: '认证未通过。可到使领馆现场办理纸质《在境外居住人员领取养老金资格审核表》',
    },
    actionLabels: {
      submit_certification: '提交认证',
      submit_for_interview: '提交认证（需视频面审）',
      confirm_identity: '面审通过，确认身份',
      refuse_identity: '面审未通过，不予认证',
      authority_accepted: '人社部门认证通过',
      authority_rejected: '人社部门认证未通过',
    },
  },
  /** 繁體中文: the same keys and placeholders as zh-CN. */
  'zh-Hant': {
    title: pensionTile.titles['zh-Hant'],
    steps: {
      declaration: {
        title: '認證宣告',
        intro:
          '在境外居住、領取國內基本養老金的人員，每12個月須至少認證一次（兩次認證間隔不超過12個月），否則養老金將暫停發放。' +
          '認證資訊經人力資源社會保障部推送至發放養老金的社保經辦機構，一般10個工作日內出結果，無需再告知發放機構。' +
          '本人承諾所填資訊真實，認證由領取人本人完成人臉核驗；冒領養老金將承擔法律責任。',
      },
      pensioner: { title: '領取人資訊', intro: '為家人認證時，請填寫領取養老金的家人本人的證件資訊，人臉核驗須由其本人完成。' },
      locality: { title: '發放地', intro: '選擇發放養老金的省份和社保經辦機構。' },
      account: { title: '社保資訊', intro: '社會保障號碼與領取人的居民身份證號碼相同。' },
      face: { title: '人臉核驗', intro: '由領取人本人完成微信人臉核驗。未通過或跳過時，需與使領館工作人員視訊面審確認身份。' },
      review: { title: '核對並提交', intro: '認證免費。提交後將推送至人社部門，結果會透過訊息通知您。' },
    },
    fields: {
      declarationRead: { label: '我已閱讀並同意以上宣告' },
      applicantRelation: {
        label: '為誰認證',
        options: {
          self: { label: '本人', hint: '使用您已實名認證的身份' },
          parent: '父母',
          spouse: '配偶',
          relative: '其他家庭成員',
        },
      },
      pensionerIdType: { label: '領取人證件類型', options: { resident_id: '居民身份證' } },
      pensionerIdNumber: { label: '領取人居民身份證號碼' },
      pensionerName: { label: '領取人姓名', hint: '與居民身份證上的姓名一致' },
      payingProvince: { label: '發放省份' },
      payingAgency: { label: '社保經辦機構' },
      socialSecurityNumber: { label: '社會保障號碼', placeholder: '18位，與身份證號碼相同' },
      pensionAccountName: { label: '養老金帳戶戶名', hint: '領取養老金的銀行帳戶戶名' },
    },
    messages: {
      alreadyDoneElsewhere: '該領取人本年度已通過其他帳戶提交認證，無需重複認證。如有疑問請聯絡使領館。',
      paperForm: '您也可以攜帶本人護照，到使領館現場填寫並簽署《在境外居住人員領取養老金資格稽核表》，由使領館寄回發放地社保經辦機構。',
    },
    statusLabels: { at_authority: '認證中', rejected: '認證未通過' },
    statusHints: {
      interview: '人臉核驗未通過或已跳過：請預約視訊面審，由使領館工作人員確認身份',
      at_authority: '認證資訊已推送至人社部門，一般10個工作日內出結果',
      completed: '認證已完成，請在下次截止日前再次認證',
      rejected: '認證未通過。可到使領館現場辦理紙質《在境外居住人員領取養老金資格稽核表》',
    },
    actionLabels: {
      submit_certification: '提交認證',
      submit_for_interview: '提交認證（需視訊面審）',
      confirm_identity: '面審通過，確認身份',
      refuse_identity: '面審未通過，不予認證',
      authority_accepted: '人社部門認證通過',
      authority_rejected: '人社部門認證未通過',
    },
  },
};
