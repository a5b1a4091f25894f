import { localizedMessages, type Widen } from './message-locale';

/**
 * Sentences the legalization check and the consular-information pages show citizens,
 * kept apart from messages.ts so the features can grow without touching the foundation.
 * The server returns these same strings in field errors.
 */
const zhCN = {
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

/** In the current language (message-locale.ts): the citizen's on the page, the caller's on the server. */
export const infoMessages = localizedMessages<Widen<typeof zhCN>>({
  'zh-CN': zhCN,
  'zh-Hant': {
    legalizationNoRequired: '請填寫認證號',
    legalizationNoFormat: '認證號應為4至32位數字或字母，請按認證貼紙上的號碼填寫',
    stickerNoRequired: '請填寫貼紙號',
    stickerNoFormat: '貼紙號應為6至16位數字或字母，請按認證貼紙上的號碼填寫',
    authorityRequired: '請選擇簽署機關',
    authorityUnknown: '簽署機關不在列表中，請重新選擇',

    resultGenuine: '經查驗，該領事認證真實有效',
    resultRevoked: '該領事認證已撤銷',
    resultNotFound: '未查到與所填資訊一致的認證記錄。請核對認證號、貼紙號和簽署機關後重試；如有疑問，請聯絡簽署機關。',

    alertLevelTakeCare: '注意安全',
    alertLevelCaution: '謹慎前往',
    alertLevelDoNotTravel: '暫勿前往',

    articleImageUrl: '圖片地址須以 https:// 開頭',
  },
  en: {
    legalizationNoRequired: 'Please enter the legalization number',
    legalizationNoFormat: 'The legalization number has 4 to 32 digits or letters. Please enter it as printed on the legalization sticker',
    stickerNoRequired: 'Please enter the sticker number',
    stickerNoFormat: 'The sticker number has 6 to 16 digits or letters. Please enter it as printed on the legalization sticker',
    authorityRequired: 'Please choose the issuing authority',
    authorityUnknown: 'The issuing authority is not in the list. Please choose again',

    resultGenuine: 'Checked: this consular legalization is genuine and valid',
    resultRevoked: 'This consular legalization has been revoked',
    resultNotFound:
      'No legalization record matches the details entered. Please check the legalization number, sticker number and issuing authority and try again; with any questions, contact the issuing authority.',

    alertLevelTakeCare: 'Take care',
    alertLevelCaution: 'Travel with caution',
    alertLevelDoNotTravel: 'Do not travel',

    articleImageUrl: 'The image address must start with https://',
  },
});
