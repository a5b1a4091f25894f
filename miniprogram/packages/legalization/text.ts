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

  // Which check: the two kinds a document can carry.
  modes: { legalization: '领事认证', apostille: '附加证明书' },
  modeHint: '选择文书上的证明类型',
  whichTitle: '我的文书是哪一种？',
  whichApostille:
    '附加证明书（Apostille）：2023年11月7日起，送往《取消外国公文认证要求的公约》缔约国使用的中国文书，由外交部或地方外事办公室签发附加证明书，不再办理领事认证。它是一页带国徽的证明书，印有编号、签发日期和二维码。',
  whichLegalization: '领事认证：送往非缔约国使用的文书，或2023年11月7日以前办理的，贴有领事认证贴纸，印有认证号和贴纸号。',

  apostilleIntro: '请扫描附加证明书上的二维码，或按证书内容填写编号、签发日期并选择签发机关。查验无需登录。',
  scan: '扫描证书二维码',
  scanHint: '二维码位于附加证明书右下方',
  scanFailed: '无法打开扫码，请手动填写证书上的编号和日期',
  apostilleNo: '证书编号',
  apostilleNoPlaceholder: '附加证明书上的编号',
  apostilleIssuedOn: '签发日期',
  apostilleIssuedOnPlaceholder: '如 2024-03-05',
  apostilleAuthority: '签发机关',
  apostilleGroups: { ministry: '外交部', foreign_affairs_office: '地方外事办公室' },
  signer: '签署人',
  signerCapacity: '签署身份',
  sealOf: '印章所属机关',
  apostilleRevokedAdvice: '该附加证明书已失效，请勿使用。如有疑问，请联系签发机关。',
  apostilleAgain: '查验其他附加证明书',
  apostilleShareTitle: '附加证明书查验：核对附加证明书（Apostille）真伪',
} as const;

export type LegalizationText = Widen<typeof zhCN>;

/** This subpackage's sentences in the current language (text-en.ts, text-zh-Hant.ts: the same keys and placeholders). */
export const text = localized<LegalizationText>({ 'zh-CN': zhCN, 'zh-Hant': zhHant, en });
