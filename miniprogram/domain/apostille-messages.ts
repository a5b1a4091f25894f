import { localizedMessages, type Widen } from './message-locale';

/**
 * Sentences of the apostille check (附加证明书查验) that the page shows and the server
 * returns in field errors — the same strings on both sides. Kept out of info-messages.ts so
 * they travel with the legalization subpackage, not the main package.
 */
const zhCN = {
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

/** In the current language (message-locale.ts): the citizen's on the page, the caller's on the server. */
export const apostilleMessages = localizedMessages<Widen<typeof zhCN>>({
  'zh-CN': zhCN,
  'zh-Hant': {
    apostilleNoRequired: '請填寫附加證明書編號',
    apostilleNoFormat: '附加證明書編號應為6至32位數字或字母，請按證書上的編號填寫',
    issuedOnRequired: '請填寫簽發日期',
    issuedOnFormat: '簽發日期應為有效日期，格式如 2024-03-05',
    issuedOnBeforeConvention: '我國自2023年11月7日起簽發附加證明書，此前的文書辦理的是領事認證',
    authorityRequired: '請選擇簽發機關',
    authorityNotApostille: '該機關不簽發附加證明書，請選擇外交部或地方外事辦公室',

    qrNotApostille: '這不是附加證明書上的二維碼，請對準證書上的二維碼重新掃描，或手動填寫',
    qrDamaged: '二維碼內容不完整或校驗碼不符，請重新掃描，或手動填寫證書上的編號和日期',

    resultGenuine: '經查驗，該附加證明書真實有效',
    resultRevoked: '該附加證明書已撤銷',
    resultNotFound: '未查到與所填資訊一致的附加證明書。請核對編號、簽發日期和簽發機關後重試；如有疑問，請聯絡簽發機關。',
  },
  en: {
    apostilleNoRequired: 'Please enter the apostille number',
    apostilleNoFormat: 'The apostille number has 6 to 32 digits or letters. Please enter it as printed on the certificate',
    issuedOnRequired: 'Please enter the date of issue',
    issuedOnFormat: 'The date of issue must be a valid date, such as 2024-03-05',
    issuedOnBeforeConvention: 'China has issued apostilles since 7 November 2023; documents before then were given consular legalization',
    authorityRequired: 'Please choose the issuing authority',
    authorityNotApostille: 'This authority does not issue apostilles. Please choose the Ministry of Foreign Affairs or a local foreign affairs office',

    qrNotApostille: 'This is not the QR code of an apostille. Please scan the QR code on the certificate again, or enter the details by hand',
    qrDamaged: 'The QR code is incomplete or its check digit does not match. Please scan again, or enter the number and date from the certificate by hand',

    resultGenuine: 'Checked: this apostille is genuine and valid',
    resultRevoked: 'This apostille has been revoked',
    resultNotFound:
      'No apostille matches the details entered. Please check the number, date of issue and issuing authority and try again; with any questions, contact the issuing authority.',
  },
});
