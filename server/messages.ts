/**
 * Sentences the server says to people (citizens and staff), in one place. Field-level
 * validation messages come from the shared domain (miniprogram/domain/messages.ts).
 */
export const serverMessages = {
  validationFailed: '提交的信息有误，请按提示修改',
  badRequest: '请求格式不正确',
  notFound: '请求的内容不存在',
  unauthenticated: '登录已过期，请重新登录',
  forbidden: '没有权限进行此操作',
  internal: '系统繁忙，请稍后再试',
  tooManyRequests: '操作过于频繁，请稍后再试',
  wechatCodeInvalid: '微信登录凭证无效或已使用，请重新进入小程序',
  wechatBusy: '微信服务繁忙，请稍后再试',
  wechatRiskyUser: '当前微信账号存在风险，暂时无法登录',
  identityTaken: '该证件已在其他微信账号完成实名认证。如非本人操作，请联系使领馆。',
  identityRequired: '请先完成实名认证',
  missionNotFound: '未找到该使领馆',
  badCredentials: '用户名或密码错误',
  staffDisabled: '该账号已停用，请联系管理员',
  tooManyLoginAttempts: '登录失败次数过多，请15分钟后再试',
  verifyRateLimited: '查询过于频繁，请稍后再试',
  newsNotFound: '未找到该资讯',
  alertNotFound: '未找到该安全提醒',
  guideNotFound: '暂无该国家的出行指南',
} as const;
