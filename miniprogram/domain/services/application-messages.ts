/**
 * Sentences the application engine produces (field errors, refusals, submission checks),
 * kept apart from ../messages.ts so they ship only in the subpackages that apply.
 */
export const applicationMessages = {
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
