/**
 * A small RFC 4180 reader: comma-separated fields, CRLF or LF line ends, double-quoted
 * fields that may hold commas, line breaks and doubled quotes. Each record keeps the
 * file line it starts on, so import errors can name the line a person sees in an editor.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParseResult =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

export const csvMessages = {
  unterminatedQuote: '引号未闭合：带引号的字段缺少结尾的引号',
  strayQuote: '字段中间出现了引号；含引号的字段请整体用双引号括起，并把其中的引号写成两个（""）',
} as const;

export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // current field was quoted (only a separator may follow the closing quote)
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    // A line with nothing on it (e.g. the newline at the end of the file) is not a record.
    const blank = fields.length === 0 && field === '' && !wasQuoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else if (ch === '"') {
      if (field !== '' || wasQuoted) return { ok: false, line, message: csvMessages.strayQuote };
      quoted = true;
      i += 1;
    } else {
      if (wasQuoted) return { ok: false, line, message: csvMessages.strayQuote };
      field += ch;
      i += 1;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: csvMessages.unterminatedQuote };
  if (field !== '' || wasQuoted || fields.length > 0) endRecord();
  return { ok: true, records };
}
