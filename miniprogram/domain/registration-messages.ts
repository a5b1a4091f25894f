import { localizedMessages, type Widen } from './message-locale';

/**
 * Sentences of overseas citizen registration (海外中国公民登记) that both the mini-program
 * and the server say: field messages, the 消息中心 texts, the privacy statement — each in
 * 简体中文, 繁體中文 and English, read in the current message locale (domain/message-locale.ts:
 * the citizen's choice on the phone, the request's language on the server). 消息中心 texts
 * and subscription messages are written by sweeps, jobs and console routes, which always
 * speak 简体中文.
 */
const messagesZhCN = {
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
  helpReminder: (hotline: string) => `请尽快致电联系；如情况危急，提醒其拨打当地报警电话及外交部全球领事保护与服务应急呼叫中心 12308（${hotline}）`,
  helpShownToCitizen: '使领馆已收到您的求助，会尽快与您联系。情况紧急请立即拨打当地报警电话，或拨打 12308 热线。',
  // subscription message (安全提醒)
  alertTemplateHint: '请回复我平安或需要帮助',
} as const;

const messagesZhHant: Widen<typeof messagesZhCN> = {
  required: '此項為必填項',
  tooLong: '內容過長',
  relationRequired: '請選擇與您的關係',
  dateRequired: '請選擇日期',
  dateInvalid: '日期格式不正確',
  birthDateInvalid: '出生日期不正確',
  birthDateMismatch: '出生日期與身份證號碼不一致',
  phoneRequired: '請填寫聯絡電話',
  countryRequired: '請選擇所在國家',
  countryUnsupported: '該國家暫無我國使領館資訊，無法登記',
  regionRequired: '請選擇所在州/省',
  regionUnknown: '請從清單中選擇所在州/省',
  cityRequired: '請填寫所在城市',
  addressRequired: '請填寫在外住址',
  purposeRequired: '請選擇在外事由',
  departureRequired: '請選擇預計離開日期（定居可不填）',
  departureBeforeArrival: '離開日期不能早於抵達日期',
  departurePassed: '離開日期已過，無需登記',
  chinaContactRequired: '請填寫國內緊急聯絡人姓名',
  chinaContactPhoneRequired: '請填寫國內緊急聯絡人電話',
  abroadContactIncomplete: '請同時填寫境外緊急聯絡人的姓名和電話',
  notesTooLong: '備註不能超過500字',
  identityRequired: '請先完成實名認證，再辦理登記',
  alreadyRegistered: '此人已在您的帳號下登記，請使用「更新登記」',
  selfAlreadyRegistered: '您本人已經登記，請使用「更新登記」',
  registrationNotFound: '未找到該登記',
  registrationNotActive: '該登記已結束或已註銷',
  answerNotFound: '未找到該安全提醒',
  exportReasonRequired: '請填寫緊急匯出的事由',
  helpReminder: (hotline: string) => `請儘快致電聯絡；如情況危急，提醒其撥打當地報警電話及外交部全球領事保護與服務應急呼叫中心 12308（${hotline}）`,
  helpShownToCitizen: '使領館已收到您的求助，會儘快與您聯絡。情況緊急請立即撥打當地報警電話，或撥打 12308 專線。',
  alertTemplateHint: '請回覆我平安或需要幫助',
};

const messagesEn: Widen<typeof messagesZhCN> = {
  required: 'This field is required',
  tooLong: 'This is too long',
  relationRequired: 'Please choose how this person is related to you',
  dateRequired: 'Please choose a date',
  dateInvalid: 'The date is not valid (YYYY-MM-DD)',
  birthDateInvalid: 'The date of birth is not valid',
  birthDateMismatch: 'The date of birth does not match the resident ID card number',
  phoneRequired: 'Please enter a phone number',
  countryRequired: 'Please choose the country',
  countryUnsupported: 'There is no Chinese embassy or consulate on record for this country yet, so you cannot register here',
  regionRequired: 'Please choose the state or province',
  regionUnknown: 'Please choose the state or province from the list',
  cityRequired: 'Please enter the city',
  addressRequired: 'Please enter your address abroad',
  purposeRequired: 'Please choose why you are abroad',
  departureRequired: 'Please choose the expected date of departure (not needed if you live there permanently)',
  departureBeforeArrival: 'The departure date cannot be before the arrival date',
  departurePassed: 'The departure date has passed; no registration is needed',
  chinaContactRequired: 'Please enter the name of an emergency contact in China',
  chinaContactPhoneRequired: 'Please enter the phone number of the emergency contact in China',
  abroadContactIncomplete: 'Please enter both the name and the phone number of the emergency contact abroad',
  notesTooLong: 'Notes cannot be longer than 500 characters',
  identityRequired: 'Please verify your identity before registering',
  alreadyRegistered: 'This person is already registered under your account. Please use "Update"',
  selfAlreadyRegistered: 'You are already registered. Please use "Update"',
  registrationNotFound: 'Registration not found',
  registrationNotActive: 'This registration has ended or was cancelled',
  answerNotFound: 'Safety alert not found',
  exportReasonRequired: 'Please give the reason for the emergency export',
  helpReminder: (hotline: string) => `Please call them as soon as possible; if in danger, remind them to call the local police and the Ministry of Foreign Affairs' Global Emergency Call Center for Consular Protection and Services, 12308 (${hotline})`,
  helpShownToCitizen: 'The mission has received your request for help and will contact you soon. In an emergency, call the local police at once, or the 12308 hotline.',
  alertTemplateHint: 'Reply: I am safe, or I need help',
};

export const registrationMessages = localizedMessages({ 'zh-CN': messagesZhCN as Widen<typeof messagesZhCN>, 'zh-Hant': messagesZhHant, en: messagesEn });

/** What is stored, who sees it and for how long — shown before the form (and in the privacy guide). */
const privacyZhCN = {
  title: '个人信息保护说明',
  points: [
    '收集内容：姓名、证件号码、出生日期、联系电话和邮箱、在外住址、在外事由及起止日期、紧急联系人、您自愿填写的备注。我们不会索取银行卡等财务信息。',
    '使用目的：仅用于在发生自然灾害、安全事件等紧急情况时，使领馆联系您并向您所在地区发送安全提醒。',
    '谁能看到：您所在领区的使领馆工作人员；证件号码仅显示部分，查看个人信息均记录在案，紧急导出仅限主管并须填写事由。',
    '保存期限：登记有效期内保存；预计离开日期过后自动结束，结束或注销一年后删除。',
    '您的权利：可随时查看、更新、导出或注销您的登记。',
  ],
} as const;

const privacyZhHant: Widen<typeof privacyZhCN> = {
  title: '個人資料保護說明',
  points: [
    '蒐集內容：姓名、證件號碼、出生日期、聯絡電話和電子郵件、在外住址、在外事由及起訖日期、緊急聯絡人、您自願填寫的備註。我們不會索取銀行卡等財務資訊。',
    '使用目的：僅用於在發生自然災害、安全事件等緊急情況時，使領館聯絡您並向您所在地區發送安全提醒。',
    '誰能看到：您所在領區的使領館工作人員；證件號碼僅顯示部分，查看個人資料均記錄在案，緊急匯出僅限主管並須填寫事由。',
    '保存期限：登記有效期內保存；預計離開日期過後自動結束，結束或註銷一年後刪除。',
    '您的權利：可隨時查看、更新、匯出或註銷您的登記。',
  ],
};

const privacyEn: Widen<typeof privacyZhCN> = {
  title: 'How your personal information is protected',
  points: [
    'What we collect: name, ID number, date of birth, phone number and email, address abroad, why you are abroad and for how long, emergency contacts, and any notes you choose to add. We never ask for bank card or other financial details.',
    'What it is for: only so that, in an emergency such as a natural disaster or a security incident, the mission can contact you and send safety alerts to your area.',
    'Who can see it: staff of the embassy or consulate for your area. ID numbers are shown only in part, every look at personal information is recorded, and only a supervisor may export it in an emergency, giving the reason.',
    'How long it is kept: while the registration is valid. It ends automatically after the expected departure date and is deleted one year after it ends or is cancelled.',
    'Your rights: you can view, update, export or cancel your registration at any time.',
  ],
};

export const registrationPrivacy = localizedMessages({ 'zh-CN': privacyZhCN as Widen<typeof privacyZhCN>, 'zh-Hant': privacyZhHant, en: privacyEn });

/** 致登记人: the declaration read before registering. */
const declarationZhCN = {
  title: '致登记人',
  paragraphs: [
    '为便于驻外使领馆在紧急情况下及时联系并协助在外中国公民，外交部开通海外中国公民登记服务。所有中国公民（包括港澳台居民）均可自愿登记。',
    '您可以为本人登记，也可以为您的配偶、子女、父母登记。每人在一个账号下只需登记一次，信息变化时请及时“更新登记”。',
    '请如实填写，带 * 的项目为必填项。登记不替代签证、居留等手续，也不收取任何费用，不会要求您提供银行卡信息。',
    '遇紧急情况请拨打外交部全球领事保护与服务应急呼叫中心热线 12308。',
  ],
} as const;

const declarationZhHant: Widen<typeof declarationZhCN> = {
  title: '致登記人',
  paragraphs: [
    '為便於駐外使領館在緊急情況下及時聯絡並協助在外中國公民，外交部開通海外中國公民登記服務。所有中國公民（包括港澳台居民）均可自願登記。',
    '您可以為本人登記，也可以為您的配偶、子女、父母登記。每人在一個帳號下只需登記一次，資訊變化時請及時「更新登記」。',
    '請如實填寫，帶 * 的項目為必填項。登記不替代簽證、居留等手續，也不收取任何費用，不會要求您提供銀行卡資訊。',
    '遇緊急情況請撥打外交部全球領事保護與服務應急呼叫中心專線 12308。',
  ],
};

const declarationEn: Widen<typeof declarationZhCN> = {
  title: 'To the person registering',
  paragraphs: [
    'So that Chinese embassies and consulates can reach and help Chinese citizens abroad in an emergency, the Ministry of Foreign Affairs runs the overseas Chinese citizen registration. Every Chinese citizen (including residents of Hong Kong, Macao and Taiwan) may register voluntarily.',
    'You can register yourself, and also your spouse, children or parents. Each person needs registering only once under one account; when something changes, please use "Update".',
    'Please answer truthfully; items marked * are required. Registering does not replace a visa, residence permit or other formalities, costs nothing, and never asks for bank card details.',
    'In an emergency, call the Ministry of Foreign Affairs\' Global Emergency Call Center for Consular Protection and Services on 12308.',
  ],
};

export const registrationDeclaration = localizedMessages({ 'zh-CN': declarationZhCN as Widen<typeof declarationZhCN>, 'zh-Hant': declarationZhHant, en: declarationEn });

/** Every catalogue of this module by locale, for the catalogue test. */
export const registrationMessageCatalogues = {
  'zh-CN': { messages: messagesZhCN, privacy: privacyZhCN, declaration: declarationZhCN },
  'zh-Hant': { messages: messagesZhHant, privacy: privacyZhHant, declaration: declarationZhHant },
  en: { messages: messagesEn, privacy: privacyEn, declaration: declarationEn },
};
