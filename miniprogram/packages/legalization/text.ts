import { localized, type Widen } from '../../locale/language';
import { en } from './text-en';
import { zhHant } from './text-zh-Hant';

/** What the legalization check shows; the field rules' messages come from domain/info-messages.ts (the server sends the same). */
const zhCN = {
  title: '领事认证查验',
  intro: '请按认证贴纸上的内容填写认证号、贴纸号，并选择签署机关。查验无需登录。',
  legalizationNo: '认证号',
  legalizationNoPlaceholder: '认证贴纸上的认证号',
  stickerNo: '贴纸号',
  stickerNoPlaceholder: '认证贴纸上的贴纸编号',
  authority: '签署机关',
  authorityPlaceholder: '请选择',
  /** Read after the chosen authority's name (screen readers; the tick shows it on screen). */
  chosenSuffix: '，已选择',
  authoritySearch: '搜索机关名称，如“北京”“纽约”',
  authorityEmpty: '没有找到匹配的签署机关',
  authorityLoadFailed: '签署机关列表加载失败',
  retry: '重试',
  groups: { ministry: '外交部', foreign_affairs_office: '地方外事办公室', mission: '驻外使领馆' },
  submit: '查验',
  submitting: '查验中…',
  fixErrors: '请按提示修改后再查验',
  documentType: '文书类型',
  issuedOn: '认证日期',
  issuingAuthority: '签署机关',
  revokedOn: '撤销日期',
  revokedAdvice: '该认证已失效，请勿使用。如有疑问，请联系签署机关。',
  rateLimited: '查询过于频繁，请稍后再试',
  again: '查验其他认证',
  close: '关闭',
  shareTitle: '领事认证查验：核对领事认证真伪',
} as const;

export type LegalizationText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language (text-en.ts, text-zh-Hant.ts: the same keys and placeholders). */
export const text = localized<LegalizationText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
