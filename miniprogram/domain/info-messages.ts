/**
 * Sentences the legalization check and the consular-information pages show citizens,
 * kept apart from messages.ts so the features can grow without touching the foundation.
 * The server returns these same strings in field errors.
 */
export const infoMessages = {
  legalizationNoRequired: '请填写认证号',
  legalizationNoFormat: '认证号应为4至32位数字或字母，请按认证贴纸上的号码填写',
  stickerNoRequired: '请填写贴纸号',
  stickerNoFormat: '贴纸号应为6至16位数字或字母，请按认证贴纸上的号码填写',
  authorityRequired: '请选择签署机关',
  authorityUnknown: '签署机关不在列表中，请重新选择',

  resultGenuine: '经查验，该领事认证真实有效',
  resultRevoked: '该领事认证已撤销',
  resultNotFound: '未查到与所填信息一致的认证记录。请核对认证号、贴纸号和签署机关后重试；如有疑问，请联系签署机关。',

  alertLevelTakeCare: '注意安全',
  alertLevelCaution: '谨慎前往',
  alertLevelDoNotTravel: '暂勿前往',

  articleImageUrl: '图片地址须以 https:// 开头',
} as const;
