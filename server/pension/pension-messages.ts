import { localizedMessages, type Widen } from '../../miniprogram/domain/message-locale';

const zhCN = {
  /** The authority's reason codes → what the citizen can do about it. */
  rejection: {
    PERSON_NOT_FOUND: '人社部门未查到该领取人的基本养老金领取记录。请核对身份证号码和发放地（省份、社保经办机构）后重新认证。',
  } as Record<string, string>,
  rejectionFallback: (reason: string) => (reason ? `人社部门认证未通过：${reason}` : '人社部门认证未通过'),
  nextDeadline: (day: string) => `认证通过。下次认证截止日：${day}`,
  /** The subscription message's next-step field (≤ 20 characters). */
  reminderHint: (days: number) => `还有${days}天到期，请重新认证`,
  notFound: '未找到该认证记录',
  notRecertifiable: '该认证尚未通过，不能据此重新认证',
  notRetryable: '该认证当前无需重新推送',
  /** The authority could not be reached: the certification waits in the queue. */
  queuedNote: '人社部门系统暂时无法连接。您的认证已保存并排队，恢复后将自动推送，无需重新提交。',
  /** Push states as staff read them. */
  pushStates: {
    waiting: '待推送',
    retrying: '推送失败，自动重试中',
    failed: '推送失败，已停止重试',
    sent: '已推送，等待人社部门结果',
    accepted: '人社部门已认证',
    rejected: '人社部门未通过',
  },
} as const;

/**
 * What the pension module itself says (the service's own words are in its text map,
 * miniprogram/domain/services/pension-text.ts): the authority's refusals as a citizen
 * reads them, deadline reminders, push states for staff. In the language of the request
 * (http/request-locale.ts); jobs (pushes, reminders) and the console: 简体.
 */
export const pensionMessages = localizedMessages<Widen<typeof zhCN>>({
  'zh-CN': zhCN,
  'zh-Hant': {
    rejection: {
      PERSON_NOT_FOUND: '人社部門未查到該領取人的基本養老金領取記錄。請核對身分證號碼和發放地（省份、社保經辦機構）後重新認證。',
    },
    rejectionFallback: (reason: string) => (reason ? `人社部門認證未通過：${reason}` : '人社部門認證未通過'),
    nextDeadline: (day: string) => `認證通過。下次認證截止日：${day}`,
    reminderHint: (days: number) => `還有${days}天到期，請重新認證`,
    notFound: '未找到該認證記錄',
    notRecertifiable: '該認證尚未通過，不能據此重新認證',
    notRetryable: '該認證當前無需重新推送',
    queuedNote: '人社部門系統暫時無法連線。您的認證已儲存並排隊，恢復後將自動推送，無需重新提交。',
    pushStates: {
      waiting: '待推送',
      retrying: '推送失敗，自動重試中',
      failed: '推送失敗，已停止重試',
      sent: '已推送，等待人社部門結果',
      accepted: '人社部門已認證',
      rejected: '人社部門未通過',
    },
  },
  en: {
    rejection: {
      PERSON_NOT_FOUND:
        'The human resources and social security authority has no basic pension record for this recipient. Please check the ID card number and the paying province and social insurance office, then certify again.',
    },
    rejectionFallback: (reason: string) =>
      reason ? `The human resources and social security authority did not certify: ${reason}` : 'The human resources and social security authority did not certify',
    nextDeadline: (day: string) => `Certified. Next certification due by ${day}`,
    reminderHint: (days: number) => `${days} days left. Please certify again`,
    notFound: 'Certification record not found',
    notRecertifiable: 'This certification has not been passed, so it cannot be renewed',
    notRetryable: 'This certification does not need to be sent again now',
    queuedNote:
      'The human resources and social security authority cannot be reached for now. Your certification is saved and queued, and will be sent automatically once it is back; there is no need to submit it again.',
    pushStates: {
      waiting: 'Waiting to be sent',
      retrying: 'Sending failed; retrying automatically',
      failed: 'Sending failed; retries stopped',
      sent: 'Sent; waiting for the authority\'s result',
      accepted: 'Certified by the authority',
      rejected: 'Not certified by the authority',
    },
  },
});
