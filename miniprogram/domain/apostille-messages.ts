/**
 * Sentences of the apostille check (附加证明书查验) that the page shows and the server
 * returns in field errors — the same strings on both sides. Kept out of info-messages.ts so
 * they travel with the legalization subpackage, not the main package.
 */
export const apostilleMessages = {
  apostilleNoRequired: '请填写附加证明书编号',
  apostilleNoFormat: '附加证明书编号应为6至32位数字或字母，请按证书上的编号填写',
  issuedOnRequired: '请填写签发日期',
  issuedOnFormat: '签发日期应为有效日期，格式如 2024-03-05',
  issuedOnBeforeConvention: '我国自2023年11月7日起签发附加证明书，此前的文书办理的是领事认证',
  authorityRequired: '请选择签发机关',
  authorityNotApostille: '该机关不签发附加证明书，请选择外交部或地方外事办公室',

  qrNotApostille: '这不是附加证明书上的二维码，请对准证书上的二维码重新扫描，或手动填写',
  qrDamaged: '二维码内容不完整或校验码不符，请重新扫描，或手动填写证书上的编号和日期',

  resultGenuine: '经查验，该附加证明书真实有效',
  resultRevoked: '该附加证明书已撤销',
  resultNotFound: '未查到与所填信息一致的附加证明书。请核对编号、签发日期和签发机关后重试；如有疑问，请联系签发机关。',
} as const;
