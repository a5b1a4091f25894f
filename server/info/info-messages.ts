/** What the consular-information console tells staff. */
export const infoStaffMessages = {
  titleRequired: '请填写标题',
  bodyRequired: '请填写正文',
  bodyTooLarge: '正文过长，请精简或拆分为多篇',
  otherCountry: '只能发布本馆所在国家的安全提醒和出行指南',
  untilBeforeFrom: '结束时间应晚于生效时间',
} as const;
