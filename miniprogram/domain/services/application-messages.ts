/**
 * Sentences the application engine produces (field errors, refusals, submission checks),
 * kept apart from ../messages.ts so they ship only in the subpackages that apply.
 */
import { localizedMessages, type Widen } from '../message-locale';

const zhCN = {
  required: '此项为必填项',
  mustTick: '请阅读并勾选确认',
  chooseOption: '请从选项中选择',
  tooLong: (max: number) => `内容过长（最多${max}个字）`,
  dateFormat: '请选择正确的日期',
  datePast: '日期应早于今天',
  dateNotFuture: '日期不能晚于今天',
  dateFuture: '日期应晚于今天',
  dateNotPast: '日期不能早于今天',
  pinyin: '请用拼音字母填写（如 ZHANG SAN），不含声调和汉字',
  country: '请选择国家或地区',
  textInvalid: '内容包含不支持的字符',
  socialSecurityNumber: '社会保障号码有误：应为18位，与领取人的居民身份证号码相同',
  localResidentRefused: '应急旅行证仅受理短期来访（旅游、商务等）人员。常住当地的申请人请申办护照或旅行证。',
  documentMissing: (label: string) => `请上传：${label}`,
  faceRequired: '请完成身份核验，或选择跳过（跳过后需视频面审）',
  stepUnknown: '该步骤不存在',
  stepNotOnPath: '根据您已填写的内容，无需填写该步骤',
  stepSkipped: (title: string) => `请先完成“${title}”`,
} as const;

type ApplicationMessages = Widen<typeof zhCN>;

const zhHant: ApplicationMessages = {
  required: '此項為必填項',
  mustTick: '請閱讀並勾選確認',
  chooseOption: '請從選項中選擇',
  tooLong: (max: number) => `內容過長（最多${max}個字）`,
  dateFormat: '請選擇正確的日期',
  datePast: '日期應早於今天',
  dateNotFuture: '日期不能晚於今天',
  dateFuture: '日期應晚於今天',
  dateNotPast: '日期不能早於今天',
  pinyin: '請用拼音字母填寫（如 ZHANG SAN），不含聲調和漢字',
  country: '請選擇國家或地區',
  textInvalid: '內容包含不支援的字元',
  socialSecurityNumber: '社會保障號碼有誤：應為18位，與領取人的居民身份證號碼相同',
  localResidentRefused: '應急旅行證僅受理短期來訪（旅遊、商務等）人員。常住當地的申請人請申辦護照或旅行證。',
  documentMissing: (label: string) => `請上傳：${label}`,
  faceRequired: '請完成身份核驗，或選擇跳過（跳過後需視訊面審）',
  stepUnknown: '該步驟不存在',
  stepNotOnPath: '根據您已填寫的內容，無需填寫該步驟',
  stepSkipped: (title: string) => `請先完成「${title}」`,
};

const en: ApplicationMessages = {
  required: 'This field is required',
  mustTick: 'Please read and tick to confirm',
  chooseOption: 'Please choose one of the options',
  tooLong: (max: number) => `Too long (at most ${max} characters)`,
  dateFormat: 'Please choose a valid date',
  datePast: 'The date must be before today',
  dateNotFuture: 'The date cannot be after today',
  dateFuture: 'The date must be after today',
  dateNotPast: 'The date cannot be before today',
  pinyin: 'Please write it in pinyin letters (e.g. ZHANG SAN), without tones or Chinese characters',
  country: 'Please choose a country or region',
  textInvalid: 'Contains characters that are not supported',
  socialSecurityNumber: 'The social security number is wrong: it has 18 characters, the same as the pensioner\'s resident ID card number',
  localResidentRefused: 'The Emergency Travel Document is only for short-term visitors (tourism, business etc.). Residents here should apply for a passport or travel document.',
  documentMissing: (label: string) => `Please upload: ${label}`,
  faceRequired: 'Please complete the identity check, or choose to skip it (a video interview is then needed)',
  stepUnknown: 'This step does not exist',
  stepNotOnPath: 'Based on your answers, this step is not needed',
  stepSkipped: (title: string) => `Please complete "${title}" first`,
};

/** In the current message locale: the citizen's choice in the mini-program, the caller's on the server. */
export const applicationMessages = localizedMessages<ApplicationMessages>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
