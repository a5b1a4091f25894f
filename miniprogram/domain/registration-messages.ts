/**
 * Sentences of overseas citizen registration (海外中国公民登记) that both the mini-program
 * and the server say: field messages, the 消息中心 texts, the privacy statement.
 */
export const registrationMessages = {
  required: '此项为必填项',
  tooLong: '内容过长',
  relationRequired: '请选择与您的关系',
  dateRequired: '请选择日期',
  dateInvalid: '日期格式不正确',
  birthDateInvalid: '出生日期不正确',
  birthDateMismatch: '出生日期与身份证号码不一致',
  phoneRequired: '请填写联系电话',
  countryRequired: '请选择所在国家',
  countryUnsupported: '该国家暂无我国使领馆信息，无法登记',
  regionRequired: '请选择所在州/省',
  regionUnknown: '请从列表中选择所在州/省',
  cityRequired: '请填写所在城市',
  addressRequired: '请填写在外住址',
  purposeRequired: '请选择在外事由',
  departureRequired: '请选择预计离开日期（定居可不填）',
  departureBeforeArrival: '离开日期不能早于抵达日期',
  departurePassed: '离开日期已过，无需登记',
  chinaContactRequired: '请填写国内紧急联系人姓名',
  chinaContactPhoneRequired: '请填写国内紧急联系人电话',
  abroadContactIncomplete: '请同时填写境外紧急联系人的姓名和电话',
  notesTooLong: '备注不能超过500字',
  // server answers
  identityRequired: '请先完成实名认证，再办理登记',
  alreadyRegistered: '此人已在您的账号下登记，请使用“更新登记”',
  selfAlreadyRegistered: '您本人已经登记，请使用“更新登记”',
  registrationNotFound: '未找到该登记',
  registrationNotActive: '该登记已结束或已注销',
  answerNotFound: '未找到该安全提醒',
  exportReasonRequired: '请填写紧急导出的事由',
  // 消息中心
  endedTitle: '海外公民登记已结束',
  endedBody: (name: string, day: string) => `${name}的海外公民登记因预计离开日期（${day}）已过自动结束。如仍在当地，请重新登记。`,
  confirmTitle: '请确认您的海外公民登记',
  confirmBody: (name: string) => `${name}的登记信息已一年未更新。请进入“我的 — 海外公民登记”确认信息仍然准确，或更新登记。`,
  alertMessageBody: (body: string) => `${body}\n\n请点击回复“我平安”或“需要帮助”。`,
  helpReminder: (hotline: string) => `请尽快致电联系；如情况危急，提醒其拨打当地报警电话及外交部全球领事保护与服务应急呼叫中心 12308（${hotline}）`,
  helpShownToCitizen: '使领馆已收到您的求助，会尽快与您联系。情况紧急请立即拨打当地报警电话，或拨打 12308 热线。',
  // subscription message (安全提醒)
  alertTemplateHint: '请回复我平安或需要帮助',
} as const;

/** What is stored, who sees it and for how long — shown before the form (and in the privacy guide). */
export const registrationPrivacy = {
  title: '个人信息保护说明',
  points: [
    '收集内容：姓名、证件号码、出生日期、联系电话和邮箱、在外住址、在外事由及起止日期、紧急联系人、您自愿填写的备注。我们不会索取银行卡等财务信息。',
    '使用目的：仅用于在发生自然灾害、安全事件等紧急情况时，使领馆联系您并向您所在地区发送安全提醒。',
    '谁能看到：您所在领区的使领馆工作人员；证件号码仅显示部分，查看个人信息均记录在案，紧急导出仅限主管并须填写事由。',
    '保存期限：登记有效期内保存；预计离开日期过后自动结束，结束或注销一年后删除。',
    '您的权利：可随时查看、更新、导出或注销您的登记。',
  ],
} as const;

/** 致登记人: the declaration read before registering. */
export const registrationDeclaration = {
  title: '致登记人',
  paragraphs: [
    '为便于驻外使领馆在紧急情况下及时联系并协助在外中国公民，外交部开通海外中国公民登记服务。所有中国公民（包括港澳台居民）均可自愿登记。',
    '您可以为本人登记，也可以为您的配偶、子女、父母登记。每人在一个账号下只需登记一次，信息变化时请及时“更新登记”。',
    '请如实填写，带 * 的项目为必填项。登记不替代签证、居留等手续，也不收取任何费用，不会要求您提供银行卡信息。',
    '遇紧急情况请拨打外交部全球领事保护与服务应急呼叫中心热线 12308。',
  ],
} as const;
