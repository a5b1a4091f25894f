import { purposeLabels } from '../../miniprogram/domain/registration';
import type { PiiCipher } from '../security/pii-cipher';
import { openDetails, type RegistrationRow } from './registration-records';

/** Cells that a spreadsheet would run as a formula start with one of these (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface ExportWatermark {
  staffName: string;
  username: string;
  missionId: string;
  at: Date;
  reason: string;
  exportId: string;
}

const HEADER = ['姓名', '证件号码（部分）', '联系电话', '电子邮箱', '州/省', '城市', '在外住址', '在外事由', '预计离开日期', '国内紧急联系人', '国内紧急联系人电话', '境外紧急联系人', '境外紧急联系人电话', '备注', '登记凭证编号', '导出水印'];

/**
 * The emergency export (紧急导出): contacts of the active registrants in an area, as CSV
 * (UTF-8 with BOM, so spreadsheet programs read the Chinese). Watermarked with who exported
 * it, when, why and the export id — in the first lines and in every row, so a fragment
 * copied elsewhere still names its source.
 */
export function emergencyCsv(pii: PiiCipher, rows: RegistrationRow[], mark: ExportWatermark): string {
  const stamp = `${mark.staffName}（${mark.username}）${mark.at.toISOString()} #${mark.exportId}`;
  const lines = [
    `# 紧急导出 · 仅限应急联络使用，不得外传 · 使领馆 ${mark.missionId}`,
    `# 导出人：${mark.staffName}（${mark.username}） 时间：${mark.at.toISOString()} 事由：${mark.reason.replace(/[\r\n]+/g, ' ')} 导出编号：${mark.exportId}`,
    HEADER.join(','),
  ];
  for (const row of rows) {
    const d = openDetails(pii, row.details_enc);
    lines.push(
      [
        row.name, row.id_number_masked, d.phone, d.email, row.region, row.city, d.address, purposeLabels[row.purpose], row.departure_date,
        d.chinaContactName, d.chinaContactPhone, d.abroadContactName, d.abroadContactPhone, d.notes, row.certificate_code, stamp,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
