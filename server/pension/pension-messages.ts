/**
 * What the pension module itself says (the service's own words are in its text map,
 * miniprogram/domain/services/pension-text.ts): the authority's refusals as a citizen
 * reads them, deadline reminders, push states for staff.
 */
export const pensionMessages = {
  /** The authority's reason codes → what the citizen can do about it. */
  rejection: {
    PERSON_NOT_FOUND: '人社部门未查到该领取人的基本养老金领取记录。请核对身份证号码和发放地（省份、社保经办机构）后重新认证。',
  } as Record<string, string>,
  rejectionFallback: (reason: string) => (reason ? `人社部门认证未通过：${reason}` : '人社部门认证未通过'),
  nextDeadline: (day: string) => `认证通过。下次认证截止日：${day}`,
  reminderTitle: '养老金资格认证即将到期',
  reminderBody: (name: string, day: string, days: number) =>
    `${name}的养老金资格认证将于${day}到期（还有${days}天）。请及时重新认证，以免养老金暂停发放：在首页或“我的”点击“重新认证”，只需再做一次人脸核验。`,
  /** The subscription message's next-step field (≤ 20 characters). */
  reminderHint: (days: number) => `还有${days}天到期，请重新认证`,
  notFound: '未找到该认证记录',
  notRecertifiable: '该认证尚未通过，不能据此重新认证',
  notRetryable: '该认证当前无需重新推送',
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
