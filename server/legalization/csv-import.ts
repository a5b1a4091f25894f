import {
  checkLegalizationNo,
  checkStickerNo,
  parseCalendarDate,
  parseDocumentType,
} from '../../miniprogram/domain/legalization';
import { normalizeInput } from '../../miniprogram/domain/validation';
import type { AuthorityIndex } from './authorities';
import { parseCsv } from './csv';
import { legalizationMessages as m } from './legalization-messages';
import { type LegalizationScope, mayHandle } from './authority-scope';
import type { NewRecord } from './legalization-repository';

/** Rows one import may hold (either registry). */
export const MAX_IMPORT_ROWS = 20_000;

export interface LineError {
  line: number;
  message: string;
}

export type ImportCheck = RegistryCsvCheck<NewRecord>;

export type RecordColumn = 'legalization_no' | 'sticker_no' | 'authority_id' | 'document_type' | 'issued_on';

/** Header names accepted for each column: the English code or the Chinese heading. */
const COLUMN_ALIASES: Record<RecordColumn, string[]> = {
  legalization_no: ['legalization_no', '认证号', '认证编号'],
  sticker_no: ['sticker_no', '贴纸号'],
  authority_id: ['authority_id', 'authority', '签署机关'],
  document_type: ['document_type', '文书类型'],
  issued_on: ['issued_on', '认证日期', '签发日期'],
};

/**
 * Text that went through a UTF-8 decoder but was not UTF-8 (GBK from Excel, UTF-16) shows
 * up as U+FFFD replacement characters or NULs: report the lines that have them.
 */
export function findEncodingDamage(text: string): LineError[] {
  const lines: LineError[] = [];
  text.split('\n').forEach((content, index) => {
    if (/[\uFFFD\u0000]/.test(content)) lines.push({ line: index + 1, message: m.csvEncodingLine });
  });
  return lines;
}

/** YYYY-MM-DD (Excel's YYYY/M/D too) that names a real calendar day. */
export const parseIssueDate = parseCalendarDate;

export interface RowContext {
  authorities: AuthorityIndex;
  /** The importing staff member's scope: their own mission's records, the MFA / provincial ones only with the MFA role. */
  scope: LegalizationScope;
  /** Latest acceptable issue date (YYYY-MM-DD); tomorrow in UTC allows for every time zone. */
  latestIssueDate: string;
}

/** One record's fields, checked; the same rules for a CSV row and a single record added in the console. */
export function checkRecordFields(
  raw: Record<RecordColumn, string>,
  context: RowContext,
): { ok: true; record: NewRecord } | { ok: false; errors: Partial<Record<RecordColumn, string>> } {
  const errors: Partial<Record<RecordColumn, string>> = {};
  const legalizationNo = checkLegalizationNo(raw.legalization_no);
  if (!legalizationNo.ok) errors.legalization_no = legalizationNo.message;
  const stickerNo = checkStickerNo(raw.sticker_no);
  if (!stickerNo.ok) errors.sticker_no = stickerNo.message;
  const authorityText = normalizeInput(raw.authority_id);
  const authority = context.authorities.find(authorityText);
  if (!authority) errors.authority_id = m.authorityUnknown(authorityText);
  else if (!mayHandle(context.scope, authority)) errors.authority_id = authority.kind === 'mission' ? m.authorityOtherMission : m.authorityNeedsMfaRole;
  const documentType = parseDocumentType(raw.document_type);
  if (!documentType) errors.document_type = m.documentTypeUnknown(normalizeInput(raw.document_type));
  const issuedOn = parseIssueDate(normalizeInput(raw.issued_on));
  if (!issuedOn) errors.issued_on = m.issuedOnFormat;
  else if (issuedOn > context.latestIssueDate || issuedOn < '1949-01-01') errors.issued_on = m.issuedOnRange;
  if (!legalizationNo.ok || !stickerNo.ok || !authority || !documentType || !issuedOn || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    record: { legalizationNo: legalizationNo.value, stickerNo: stickerNo.value, authorityId: authority.id, documentType, issuedOn },
  };
}

export function latestIssueDate(now = new Date()): string {
  return new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
}

export function checkImportText(text: string, context: RowContext): ImportCheck {
  return checkRegistryCsv(text, {
    columns: COLUMN_ALIASES,
    checkRow: (raw) => checkRecordFields(raw, context),
    uniqueKeys: (record) => [
      { key: `${record.authorityId}\u0000${record.legalizationNo}`, label: `${m.legalizationNoLabel} ${record.legalizationNo} ` },
      { key: `${record.authorityId}\u0000${record.stickerNo}`, label: m.stickerNoLabel },
    ],
  });
}

/** How one registry's import file reads: its columns, its row rules, what must be unique in a file. */
export interface RegistryCsvSpec<Column extends string, Row> {
  /** Header names accepted per column: the English code first, the Chinese heading second (named in messages). */
  columns: Record<Column, string[]>;
  checkRow(raw: Record<Column, string>): { ok: true; record: Row } | { ok: false; errors: Partial<Record<Column, string>> };
  /** Each value a row must not share with an earlier row: its key, and what to call it in the message. */
  uniqueKeys(record: Row): Array<{ key: string; label: string }>;
}

export type RegistryCsvCheck<Row> =
  | { ok: true; rows: Array<Row & { line: number }> }
  | { ok: false; code: 'CSV_ENCODING' | 'CSV_INVALID'; message: string; lines: LineError[] };

/**
 * Any registry's import file, checked row by row before anything is written: every bad line
 * is reported with its line number (line 1 is the header); the caller imports only when none is.
 */
export function checkRegistryCsv<Column extends string, Row>(text: string, spec: RegistryCsvSpec<Column, Row>): RegistryCsvCheck<Row> {
  const damaged = findEncodingDamage(text);
  if (damaged.length > 0) return { ok: false, code: 'CSV_ENCODING', message: m.csvEncoding, lines: damaged };
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return invalid([{ line: parsed.line, message: parsed.message }]);
  const [header, ...records] = parsed.records;
  if (!header || records.length === 0) return invalid([{ line: header?.line ?? 1, message: m.csvEmpty }]);
  if (records.length > MAX_IMPORT_ROWS) return invalid([{ line: records[MAX_IMPORT_ROWS].line, message: m.csvTooManyRows(MAX_IMPORT_ROWS) }]);

  // Header: every column once, in any order, by code or Chinese heading.
  const columns = Object.keys(spec.columns) as Column[];
  const positions = new Map<Column, number>();
  const headerErrors: string[] = [];
  header.fields.forEach((name, index) => {
    const heading = normalizeInput(name).toLowerCase();
    const column = columns.find((c) => spec.columns[c].includes(heading));
    if (!column) headerErrors.push(m.headerUnknown(name));
    else if (positions.has(column)) headerErrors.push(m.headerDuplicate(name));
    else positions.set(column, index);
  });
  const missing = columns.filter((c) => !positions.has(c));
  if (missing.length > 0) headerErrors.push(m.headerMissing(missing.map((c) => spec.columns[c][1]).join('、')));
  if (headerErrors.length > 0) return invalid([{ line: header.line, message: headerErrors.join('；') }]);

  const errors: LineError[] = [];
  const rows: Array<Row & { line: number }> = [];
  const seen: Array<Map<string, number>> = [];
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      errors.push({ line: record.line, message: m.columnCount(header.fields.length, record.fields.length) });
      continue;
    }
    const raw = Object.fromEntries(columns.map((c) => [c, record.fields[positions.get(c)!]])) as Record<Column, string>;
    const checked = spec.checkRow(raw);
    if (!checked.ok) {
      errors.push({ line: record.line, message: Object.values(checked.errors).join('；') });
      continue;
    }
    const keys = spec.uniqueKeys(checked.record);
    const duplicates = keys.flatMap(({ key, label }, i) => {
      const earlier = seen[i]?.get(key);
      return earlier === undefined ? [] : [m.duplicateInFile(label, earlier)];
    });
    if (duplicates.length > 0) {
      errors.push({ line: record.line, message: duplicates.join('；') });
      continue;
    }
    keys.forEach(({ key }, i) => (seen[i] ??= new Map()).set(key, record.line));
    rows.push({ ...checked.record, line: record.line });
  }
  return errors.length > 0 ? invalid(errors) : { ok: true, rows };
}

function invalid(lines: LineError[]): { ok: false; code: 'CSV_INVALID'; message: string; lines: LineError[] } {
  return { ok: false, code: 'CSV_INVALID', message: m.csvInvalid(lines.length), lines };
}
