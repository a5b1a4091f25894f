import crypto from 'node:crypto';
import { Kysely, Selectable, sql } from 'kysely';
import type { VerifyLegalizationResponse } from '../../miniprogram/domain/info-api-types';
import type { LegalizationRecord } from '../../contracts/legalization';
import { DocumentType, documentTypeLabels, maskStickerNo } from '../../miniprogram/domain/legalization';
import type { Database, LegalizationRecordTable } from '../db/schema';
import type { PiiCipher } from '../security/pii-cipher';
import type { AuthorityIndex } from './authorities';
import { REGISTRY_RECORD_COLUMNS, verifyAnswer } from './verify-answer';

/** Keyed hash of a normalized sticker number; 32 bytes, so comparisons are fixed-length. */
export function stickerHash(pii: PiiCipher, stickerNo: string): Buffer {
  return pii.blindIndex(`legalization-sticker:${stickerNo}`);
}

/** Stands in for a stored hash when no record exists, so both paths do the same work. */
const ABSENT_HASH = crypto.randomBytes(32);

type RecordRow = Omit<Selectable<LegalizationRecordTable>, 'issued_on'> & { issued_on: string };

/** Columns with the date as text: `date` through a JS Date would shift with the time zone. */
export function selectRecords(db: Kysely<Database>) {
  return db
    .selectFrom('legalization_records')
    .select([
      'id',
      'legalization_no',
      'sticker_hash',
      'sticker_masked',
      'authority_id',
      'document_type',
      sql<string>`to_char(issued_on, 'YYYY-MM-DD')`.as('issued_on'),
      ...REGISTRY_RECORD_COLUMNS,
    ]);
}

export function toStaffRecord(row: RecordRow, authorities: AuthorityIndex): LegalizationRecord {
  return {
    id: row.id,
    legalizationNo: row.legalization_no,
    stickerNoMasked: row.sticker_masked,
    authorityId: row.authority_id,
    authorityName: authorities.nameOf(row.authority_id),
    documentType: row.document_type as DocumentType,
    issuedOn: row.issued_on,
    status: row.status,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    revokedReason: row.revoked_reason,
    batchId: row.batch_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * The public answer. A wrong sticker number and an unknown legalization number give the
 * same not_found, and the sticker hashes are compared in constant time either way.
 */
export async function verifyLegalization(
  db: Kysely<Database>,
  pii: PiiCipher,
  authorities: AuthorityIndex,
  input: { legalizationNo: string; stickerNo: string; authorityId: string },
): Promise<VerifyLegalizationResponse> {
  const row = await selectRecords(db)
    .where('authority_id', '=', input.authorityId)
    .where('legalization_no', '=', input.legalizationNo)
    .executeTakeFirst();
  const candidate = stickerHash(pii, input.stickerNo);
  const stored = row ? Buffer.from(row.sticker_hash) : ABSENT_HASH;
  const same = stored.length === candidate.length && crypto.timingSafeEqual(stored, candidate);
  return verifyAnswer(row, same, () => ({
    documentType: row!.document_type as DocumentType,
    documentTypeZh: documentTypeLabels[row!.document_type as DocumentType] ?? row!.document_type,
    issuedOn: row!.issued_on,
    authorityId: row!.authority_id,
    authorityName: authorities.nameOf(row!.authority_id),
  }));
}

export interface NewRecord {
  legalizationNo: string;
  stickerNo: string;
  authorityId: string;
  documentType: DocumentType;
  issuedOn: string;
}

export function recordValues(pii: PiiCipher, record: NewRecord, extra: { batchId: string | null; staffId: string }) {
  return {
    legalization_no: record.legalizationNo,
    sticker_hash: stickerHash(pii, record.stickerNo),
    sticker_masked: maskStickerNo(record.stickerNo),
    authority_id: record.authorityId,
    document_type: record.documentType,
    issued_on: record.issuedOn,
    batch_id: extra.batchId,
    created_by: extra.staffId,
  };
}

/** Records already in the registry that clash with these (same authority and number, or same sticker). */
export async function findClashes(
  db: Kysely<Database>,
  rows: Array<{ authorityId: string; legalizationNo: string; stickerHashHex: string }>,
): Promise<Array<{ authority_id: string; legalization_no: string; sticker_hex: string }>> {
  if (rows.length === 0) return [];
  const numbers = [...new Set(rows.map((r) => r.legalizationNo))];
  const hashes = [...new Set(rows.map((r) => r.stickerHashHex))];
  const found = await sql<{ authority_id: string; legalization_no: string; sticker_hex: string }>`
    select authority_id, legalization_no, encode(sticker_hash, 'hex') as sticker_hex
    from legalization_records
    where legalization_no = any(${numbers}::text[])
       or sticker_hash in (select decode(h, 'hex') from unnest(${hashes}::text[]) as h)`.execute(db);
  return found.rows;
}
