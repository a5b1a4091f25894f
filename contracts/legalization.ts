/**
 * The legalization and apostille registries' staff contract (server/legalization ↔
 * console/src/api/legalization-api.ts): records, CSV import batches and their errors, and
 * the domestic authorities the server seeds. Staff-only, so not in miniprogram/domain, which
 * the legalization subpackage ships; the public checks' shapes (VerifyAnswer, AuthorityList…)
 * stay in miniprogram/domain/info-api-types.ts.
 */
import type { VerifiedApostille } from '../miniprogram/domain/info-api-types';
import type { AuthorityKind, DocumentType } from '../miniprogram/domain/legalization';

export interface IssuingAuthority {
  id: string;
  kind: AuthorityKind;
  nameZh: string;
  nameEn: string;
}

export const MINISTRY_AUTHORITY: IssuingAuthority = {
  id: 'mfa',
  kind: 'ministry',
  nameZh: '外交部领事司',
  nameEn: 'Department of Consular Affairs, Ministry of Foreign Affairs',
};

/** [id suffix, Chinese name, English name, English unit] for the 31 provincial-level divisions. */
const PROVINCES: Array<[string, string, string, string]> = [
  ['beijing', '北京市', 'Beijing', 'Municipality'],
  ['tianjin', '天津市', 'Tianjin', 'Municipality'],
  ['hebei', '河北省', 'Hebei', 'Province'],
  ['shanxi', '山西省', 'Shanxi', 'Province'],
  ['inner-mongolia', '内蒙古自治区', 'Inner Mongolia', 'Autonomous Region'],
  ['liaoning', '辽宁省', 'Liaoning', 'Province'],
  ['jilin', '吉林省', 'Jilin', 'Province'],
  ['heilongjiang', '黑龙江省', 'Heilongjiang', 'Province'],
  ['shanghai', '上海市', 'Shanghai', 'Municipality'],
  ['jiangsu', '江苏省', 'Jiangsu', 'Province'],
  ['zhejiang', '浙江省', 'Zhejiang', 'Province'],
  ['anhui', '安徽省', 'Anhui', 'Province'],
  ['fujian', '福建省', 'Fujian', 'Province'],
  ['jiangxi', '江西省', 'Jiangxi', 'Province'],
  ['shandong', '山东省', 'Shandong', 'Province'],
  ['henan', '河南省', 'Henan', 'Province'],
  ['hubei', '湖北省', 'Hubei', 'Province'],
  ['hunan', '湖南省', 'Hunan', 'Province'],
  ['guangdong', '广东省', 'Guangdong', 'Province'],
  ['guangxi', '广西壮族自治区', 'Guangxi Zhuang', 'Autonomous Region'],
  ['hainan', '海南省', 'Hainan', 'Province'],
  ['chongqing', '重庆市', 'Chongqing', 'Municipality'],
  ['sichuan', '四川省', 'Sichuan', 'Province'],
  ['guizhou', '贵州省', 'Guizhou', 'Province'],
  ['yunnan', '云南省', 'Yunnan', 'Province'],
  ['tibet', '西藏自治区', 'Xizang', 'Autonomous Region'],
  ['shaanxi', '陕西省', 'Shaanxi', 'Province'],
  ['gansu', '甘肃省', 'Gansu', 'Province'],
  ['qinghai', '青海省', 'Qinghai', 'Province'],
  ['ningxia', '宁夏回族自治区', 'Ningxia Hui', 'Autonomous Region'],
  ['xinjiang', '新疆维吾尔自治区', 'Xinjiang Uygur', 'Autonomous Region'],
];

/** The Ministry and the provincial foreign affairs offices; the missions come from the missions table. */
export const DOMESTIC_AUTHORITIES: IssuingAuthority[] = [
  MINISTRY_AUTHORITY,
  ...PROVINCES.map(([slug, zh, en, unit]) => ({
    id: `fao-${slug}`,
    kind: 'foreign_affairs_office' as const,
    nameZh: `${zh}外事办公室`,
    nameEn: `Foreign Affairs Office of ${en} ${unit}`,
  })),
];

/** Console: one registry record. The sticker number is stored only as a keyed hash. */
export interface LegalizationRecord {
  id: string;
  legalizationNo: string;
  stickerNoMasked: string;
  authorityId: string;
  authorityName: string;
  documentType: DocumentType;
  issuedOn: string;
  status: 'genuine' | 'revoked';
  revokedAt: string | null;
  revokedReason: string | null;
  batchId: string | null;
  createdAt: string;
}

export interface CreateLegalizationRecordRequest {
  legalizationNo: string;
  stickerNo: string;
  authorityId: string;
  /** A code or its Chinese label. */
  documentType: string;
  issuedOn: string;
}

export interface RevokeLegalizationRecordRequest {
  reason: string;
}

/** POST /api/console/legalization/imports: JSON `{ csv, fileName? }` or a text/csv body. */
export interface ImportLegalizationRequest {
  csv: string;
  fileName?: string;
}

export interface ImportBatch {
  id: string;
  fileName: string | null;
  rowCount: number;
  staffId: string;
  createdAt: string;
}

/** 400 CSV_INVALID / CSV_ENCODING: the error body carries the offending lines (1 = header line). */
export interface ImportErrorBody {
  error: {
    code: 'CSV_INVALID' | 'CSV_ENCODING';
    message: string;
    lines: Array<{ line: number; message: string }>;
    /** All bad lines; `lines` lists at most the first 200. */
    lineCount: number;
  };
}

/** Console: one apostille in the registry. */
export interface ApostilleRecord extends VerifiedApostille {
  id: string;
  status: 'genuine' | 'revoked';
  revokedAt: string | null;
  revokedReason: string | null;
  batchId: string | null;
  createdAt: string;
}
