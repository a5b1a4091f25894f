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
};
