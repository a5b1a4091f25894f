/**
 * Every sentence a citizen may see about an uploaded photo or document, in one place.
 *
 * Codes are stable English identifiers (logged, returned to the client, used by the console);
 * messages are plain Simplified Chinese sentences that tell the citizen what to do next.
 * `{name}` placeholders are filled from the active rules (see `photoMessage`).
 */

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

export const PHOTO_MESSAGES: Readonly<Record<PhotoIssueCode, string>> = {
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

/** The citizen-facing sentence for `code`, with `{placeholders}` filled from `vars`. */
export function photoMessage(code: PhotoIssueCode, vars: Readonly<Record<string, string | number>> = {}): string {
  return PHOTO_MESSAGES[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}
