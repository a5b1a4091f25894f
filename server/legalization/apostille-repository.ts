import { Kysely, Selectable, sql, Transaction } from 'kysely';
import type { VerifiedApostille, VerifyApostilleResponse } from '../../miniprogram/domain/info-api-types';
import type { ApostilleRecord } from '../../contracts/legalization';
import type { ApostilleVerifyInput } from '../../miniprogram/domain/apostille';
import type { ApostilleRecordTable, Database } from '../db/schema';
import type { AuthorityIndex } from './authorities';
import type { NewApostille } from './apostille-csv';
import type { LineError } from './csv-import';
import { legalizationMessages as m } from './legalization-messages';
import { REGISTRY_RECORD_COLUMNS, verifyAnswer } from './verify-answer';

type ApostilleRow = Omit<Selectable<ApostilleRecordTable>, 'issued_on'> & { issued_on: string };

/** Columns with the date as text: `date` through a JS Date would shift with the time zone. */
export function selectApostilles(db: Kysely<Database>) {
  return db
    .selectFrom('apostille_records')
    .select([
      'id',
      'apostille_no',
      sql<string>`to_char(issued_on, 'YYYY-MM-DD')`.as('issued_on'),
      'signer_name',
      'signer_capacity',
      'seal_of',
      'authority_id',
      ...REGISTRY_RECORD_COLUMNS,
    ]);
}

function publicApostille(row: ApostilleRow, authorities: AuthorityIndex): VerifiedApostille {
  return {
    apostilleNo: row.apostille_no,
    issuedOn: row.issued_on,
    signerName: row.signer_name,
    signerCapacity: row.signer_capacity,
    sealOf: row.seal_of,
    authorityId: row.authority_id,
    authorityName: authorities.nameOf(row.authority_id),
  };
}

export function toStaffApostille(row: ApostilleRow, authorities: AuthorityIndex): ApostilleRecord {
  return {
    id: row.id,
    ...publicApostille(row, authorities),
    status: row.status,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    revokedReason: row.revoked_reason,
    batchId: row.batch_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/**
 * The public answer: the register's entry when the number, the date and the authority all
 * match; a wrong date and an unknown number give the same not_found.
 */
export async function verifyApostille(db: Kysely<Database>, authorities: AuthorityIndex, input: ApostilleVerifyInput): Promise<VerifyApostilleResponse> {
  const row = await selectApostilles(db).where('authority_id', '=', input.authorityId).where('apostille_no', '=', input.apostilleNo).executeTakeFirst();
  return verifyAnswer(row, row?.issued_on === input.issuedOn, () => publicApostille(row!, authorities));
}

export function apostilleValues(record: NewApostille, extra: { batchId: string | null; staffId: string }) {
  return {
    apostille_no: record.apostilleNo,
    issued_on: record.issuedOn,
    signer_name: record.signerName,
    signer_capacity: record.signerCapacity,
    seal_of: record.sealOf,
    authority_id: record.authorityId,
    batch_id: extra.batchId,
    created_by: extra.staffId,
  };
}

/** Lines whose authority and number are already in the register. */
export async function apostilleClashLines(tx: Transaction<Database>, rows: Array<NewApostille & { line: number }>): Promise<LineError[]> {
  const numbers = [...new Set(rows.map((r) => r.apostilleNo))];
  const found = await tx.selectFrom('apostille_records').select(['authority_id', 'apostille_no']).where(sql<boolean>`apostille_no = any(${numbers}::text[])`).execute();
  const taken = new Set(found.map((f) => `${f.authority_id}\u0000${f.apostille_no}`));
  return rows
    .filter((row) => taken.has(`${row.authorityId}\u0000${row.apostilleNo}`))
    .map((row) => ({ line: row.line, message: m.duplicateInRegistry(`${m.apostilleNoLabel} ${row.apostilleNo} `) }));
}
