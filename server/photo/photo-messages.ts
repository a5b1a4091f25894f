/**
 * Every sentence a citizen may see about an uploaded photo or document, in one place.
 *
 * Codes are stable English identifiers (logged, returned to the client, used by the console);
 * messages are plain sentences that tell the citizen what to do next, in 简体中文, 繁體中文 and
 * English (the language of the request). `{name}` placeholders are filled from the active
 * rules (see `photoMessage`); a stored finding keeps its code and values, so it is read in
 * the reader's language (`storedFindingMessage`).
 */

import { localizedMessages, type MessageLocale } from '../../miniprogram/domain/message-locale';

export const PHOTO_ISSUE_CODES = [
  // file-level: the upload itself is unusable
  'FILE_TOO_LARGE',
  'NOT_AN_IMAGE',
  'TOO_MANY_PIXELS',
  // geometry
  'TOO_SMALL',
  'WRONG_RATIO',
  'RESIZED',
  // the face (ID photo): found, alone, frontal, eyes visible
  'NO_FACE',
  'MULTIPLE_FACES',
  'NOT_FACING_CAMERA',
  'HEAD_TILTED',
  'EYES_NOT_VISIBLE',
  // where the head sits in the frame (ID photo, per-mission ranges)
  'HEAD_TOO_SMALL',
  'HEAD_TOO_LARGE',
  'HEAD_CUT_OFF',
  'HEAD_NOT_CENTRED',
  'SPACE_ABOVE_HEAD_SMALL',
  'SPACE_ABOVE_HEAD_LARGE',
  'SPACE_BELOW_CHIN_SMALL',
  'EYE_LINE_OUT_OF_RANGE',
  // picture quality heuristics (ID photo)
  'SHADOW_BEHIND_HEAD',
  'BACKGROUND_NOT_UNIFORM',
  'BACKGROUND_TOO_DARK',
  'TOO_DARK',
  'TOO_BRIGHT',
  'BLURRED',
  'LIGHT_CLOTHES',
  // other uploads (passport data page, guardian documents, loss statement)
  'DOCUMENT_LOW_RESOLUTION',
] as const;

export type PhotoIssueCode = (typeof PHOTO_ISSUE_CODES)[number];

const zhCN: Readonly<Record<PhotoIssueCode, string>> = {
  FILE_TOO_LARGE: '文件超过{maxMb}MB，请压缩后重新上传',
  NOT_AN_IMAGE: '文件不是有效的JPG或PNG图片，请重新选择照片上传',
  TOO_MANY_PIXELS: '图片像素过多，无法处理，请换一张尺寸较小的照片',
  TOO_SMALL: '照片尺寸过小，至少需要{minWidth}×{minHeight}像素，请上传原图',
  WRONG_RATIO: '照片比例应为3:4（宽:高），请裁剪后重新上传',
  RESIZED: '照片尺寸大于规定，已自动缩小为{width}×{height}像素',
  NO_FACE: '未检测到人脸，请上传本人正面免冠照片',
  MULTIPLE_FACES: '照片中有多张人脸，请只拍本人',
  NOT_FACING_CAMERA: '请正对镜头，不要侧脸、仰头或低头',
  HEAD_TILTED: '头部歪斜，请保持头部端正',
  EYES_NOT_VISIBLE: '未检测到睁开的双眼，请睁开眼睛，不要遮挡',
  HEAD_TOO_SMALL: '头部在照片中太小，请靠近镜头或使用按规格裁剪的照片',
  HEAD_TOO_LARGE: '头部在照片中太大，请离镜头远一些',
  HEAD_CUT_OFF: '头顶没有拍全，请把整个头部拍进照片',
  HEAD_NOT_CENTRED: '头部没有居中，请让脸位于照片正中',
  SPACE_ABOVE_HEAD_SMALL: '头顶上方留白太少，请把镜头稍微抬高',
  SPACE_ABOVE_HEAD_LARGE: '头顶上方留白太多，请把镜头稍微放低',
  SPACE_BELOW_CHIN_SMALL: '下巴下方留白太少，请把肩膀拍进照片',
  EYE_LINE_OUT_OF_RANGE: '眼睛在照片中的高度不符合规格，请调整位置后重拍',
  SHADOW_BEHIND_HEAD: '头部后方的背景有阴影，请离背景远一些，让光线均匀',
  BACKGROUND_NOT_UNIFORM: '背景不够均匀，请在白色或浅色纯色背景前拍摄',
  BACKGROUND_TOO_DARK: '背景颜色太深，请在白色或浅色背景前拍摄',
  TOO_DARK: '照片太暗，请在光线充足处重新拍摄',
  TOO_BRIGHT: '照片过亮，请避免强光直射后重新拍摄',
  BLURRED: '照片模糊，请保持手机稳定、对焦清晰后重拍',
  LIGHT_CLOTHES: '衣服颜色与背景太接近，请穿深色衣服重新拍摄',
  DOCUMENT_LOW_RESOLUTION: '图片分辨率较低，文字可能看不清，请在光线充足处拍摄清晰的完整页面',
};

const zhHant: Readonly<Record<PhotoIssueCode, string>> = {
  FILE_TOO_LARGE: '檔案超過{maxMb}MB，請壓縮後重新上傳',
  NOT_AN_IMAGE: '檔案不是有效的JPG或PNG圖片，請重新選擇照片上傳',
  TOO_MANY_PIXELS: '圖片像素過多，無法處理，請換一張尺寸較小的照片',
  TOO_SMALL: '照片尺寸過小，至少需要{minWidth}×{minHeight}像素，請上傳原圖',
  WRONG_RATIO: '照片比例應為3:4（寬:高），請裁剪後重新上傳',
  RESIZED: '照片尺寸大於規定，已自動縮小為{width}×{height}像素',
  NO_FACE: '未偵測到人臉，請上傳本人正面免冠照片',
  MULTIPLE_FACES: '照片中有多張人臉，請只拍本人',
  NOT_FACING_CAMERA: '請正對鏡頭，不要側臉、仰頭或低頭',
  HEAD_TILTED: '頭部歪斜，請保持頭部端正',
  EYES_NOT_VISIBLE: '未偵測到睜開的雙眼，請睜開眼睛，不要遮擋',
  HEAD_TOO_SMALL: '頭部在照片中太小，請靠近鏡頭或使用按規格裁剪的照片',
  HEAD_TOO_LARGE: '頭部在照片中太大，請離鏡頭遠一些',
  HEAD_CUT_OFF: '頭頂沒有拍全，請把整個頭部拍進照片',
  HEAD_NOT_CENTRED: '頭部沒有置中，請讓臉位於照片正中',
  SPACE_ABOVE_HEAD_SMALL: '頭頂上方留白太少，請把鏡頭稍微抬高',
  SPACE_ABOVE_HEAD_LARGE: '頭頂上方留白太多，請把鏡頭稍微放低',
  SPACE_BELOW_CHIN_SMALL: '下巴下方留白太少，請把肩膀拍進照片',
  EYE_LINE_OUT_OF_RANGE: '眼睛在照片中的高度不符合規格，請調整位置後重拍',
  SHADOW_BEHIND_HEAD: '頭部後方的背景有陰影，請離背景遠一些，讓光線均勻',
  BACKGROUND_NOT_UNIFORM: '背景不夠均勻，請在白色或淺色純色背景前拍攝',
  BACKGROUND_TOO_DARK: '背景顏色太深，請在白色或淺色背景前拍攝',
  TOO_DARK: '照片太暗，請在光線充足處重新拍攝',
  TOO_BRIGHT: '照片過亮，請避免強光直射後重新拍攝',
  BLURRED: '照片模糊，請保持手機穩定、對焦清晰後重拍',
  LIGHT_CLOTHES: '衣服顏色與背景太接近，請穿深色衣服重新拍攝',
  DOCUMENT_LOW_RESOLUTION: '圖片解析度較低，文字可能看不清，請在光線充足處拍攝清晰的完整頁面',
};

const en: Readonly<Record<PhotoIssueCode, string>> = {
  FILE_TOO_LARGE: 'The file is larger than {maxMb} MB. Please compress it and upload it again',
  NOT_AN_IMAGE: 'The file is not a valid JPG or PNG image. Please choose a photo and upload it again',
  TOO_MANY_PIXELS: 'The image has too many pixels to process. Please use a smaller photo',
  TOO_SMALL: 'The photo is too small: it needs at least {minWidth}×{minHeight} pixels. Please upload the original',
  WRONG_RATIO: 'The photo must be 3:4 (width:height). Please crop it and upload it again',
  RESIZED: 'The photo was larger than required and has been reduced to {width}×{height} pixels',
  NO_FACE: 'No face found. Please upload a front-facing photo of yourself without a hat',
  MULTIPLE_FACES: 'There is more than one face in the photo. Please photograph only yourself',
  NOT_FACING_CAMERA: 'Please face the camera; do not turn your head, look up or look down',
  HEAD_TILTED: 'Your head is tilted. Please keep it straight',
  EYES_NOT_VISIBLE: 'Open eyes were not found. Please open your eyes and keep them uncovered',
  HEAD_TOO_SMALL: 'Your head is too small in the photo. Please move closer to the camera or use a photo cropped to the specification',
  HEAD_TOO_LARGE: 'Your head is too large in the photo. Please move further from the camera',
  HEAD_CUT_OFF: 'The top of your head is cut off. Please get your whole head in the photo',
  HEAD_NOT_CENTRED: 'Your head is not centred. Please put your face in the middle of the photo',
  SPACE_ABOVE_HEAD_SMALL: 'Too little space above your head. Please raise the camera slightly',
  SPACE_ABOVE_HEAD_LARGE: 'Too much space above your head. Please lower the camera slightly',
  SPACE_BELOW_CHIN_SMALL: 'Too little space below your chin. Please get your shoulders in the photo',
  EYE_LINE_OUT_OF_RANGE: 'Your eyes are not at the required height in the photo. Please adjust your position and take it again',
  SHADOW_BEHIND_HEAD: 'There is a shadow on the background behind your head. Please stand further from the background in even light',
  BACKGROUND_NOT_UNIFORM: 'The background is not even. Please take the photo in front of a plain white or light background',
  BACKGROUND_TOO_DARK: 'The background is too dark. Please take the photo in front of a white or light background',
  TOO_DARK: 'The photo is too dark. Please take it again in good light',
  TOO_BRIGHT: 'The photo is too bright. Please avoid strong direct light and take it again',
  BLURRED: 'The photo is blurred. Please hold the phone steady and focus before taking it again',
  LIGHT_CLOTHES: 'Your clothes are too close to the background colour. Please wear darker clothes and take it again',
  DOCUMENT_LOW_RESOLUTION: 'The image resolution is low and the text may be hard to read. Please photograph the whole page clearly in good light',
};

/** Each code's sentence in the language of the request being answered (docs/languages.md). */
export const PHOTO_MESSAGES = localizedMessages<Readonly<Record<PhotoIssueCode, string>>>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });

/** Every locale's sentences, for the catalogue test. */
export const PHOTO_MESSAGE_CATALOGUES = { 'zh-CN': zhCN, 'zh-Hant': zhHant, en } as const;

export type PhotoMessageVars = Readonly<Record<string, string | number>>;

/**
 * The citizen-facing sentence for `code`, with `{placeholders}` filled from `vars`: in the
 * current language, or in `locale` (a stored finding is written in 简体, the records' language).
 */
export function photoMessage(code: PhotoIssueCode, vars: PhotoMessageVars = {}, locale?: MessageLocale): string {
  const template = locale ? PHOTO_MESSAGE_CATALOGUES[locale][code] : PHOTO_MESSAGES[code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/**
 * A stored finding as the reader reads it: rendered again from its code and values in the
 * current language. A finding stored before its values were kept (or with an unknown code)
 * keeps its stored sentence where the sentence has values to fill.
 */
export function storedFindingMessage(finding: { code: string; message: string; vars?: PhotoMessageVars }): string {
  if (!(PHOTO_ISSUE_CODES as readonly string[]).includes(finding.code)) return finding.message;
  const code = finding.code as PhotoIssueCode;
  if (!finding.vars && /\{\w+\}/.test(zhCN[code])) return finding.message;
  return photoMessage(code, finding.vars);
}
