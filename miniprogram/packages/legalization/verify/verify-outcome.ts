/**
 * The answer of either check (legalization or apostille) as the page shows it: one of the
 * three registry answers, or 稍后再试 — a title, the register's rows, advice when revoked.
 * Both checks build their view here, so the two answer alike.
 */
import type { VerifiedApostille, VerifiedRecord, VerifyAnswer } from '../../../domain/info-api-types';
import { text } from '../text';

export type OutcomeKind = 'genuine' | 'revoked' | 'not_found' | 'rate_limited';

export interface OutcomeView {
  kind: OutcomeKind;
  title: string;
  rows: Array<{ label: string; value: string }>;
  advice: string;
  again: string;
}

/** What differs between the checks: the sentences, and which of the record's fields become rows. */
export interface OutcomeWords<R> {
  genuine: string;
  revoked: string;
  notFound: string;
  revokedAdvice: string;
  again: string;
  rows(record: R): Array<[label: string, value: string | null]>;
}

export function outcomeView<R>(answer: VerifyAnswer<R>, words: OutcomeWords<R>): OutcomeView {
  const base = { advice: '', again: words.again };
  if (answer.result === 'not_found') return { ...base, kind: 'not_found', title: words.notFound, rows: [] };
  const rows = words.rows(answer.record).filter((row): row is [string, string] => !!row[1]);
  if (answer.result === 'revoked') {
    rows.push([text.revokedOn, answer.record.revokedOn]);
    return { ...base, kind: 'revoked', title: words.revoked, rows: rows.map(toRow), advice: words.revokedAdvice };
  }
  return { ...base, kind: 'genuine', title: words.genuine, rows: rows.map(toRow) };
}

export const rateLimitedView: OutcomeView = { kind: 'rate_limited', title: text.rateLimited, rows: [], advice: '', again: '' };

const toRow = ([label, value]: [string, string]) => ({ label, value });

export const legalizationRows = (record: VerifiedRecord): Array<[string, string | null]> => [
  [text.documentType, record.documentTypeZh],
  [text.issuedOn, record.issuedOn],
  [text.issuingAuthority, record.authorityName],
];

/** The Convention register's fields: signer and capacity, or the seal of an unsigned document. */
export const apostilleRows = (record: VerifiedApostille): Array<[string, string | null]> => [
  [text.apostilleNo, record.apostilleNo],
  [text.apostilleIssuedOn, record.issuedOn],
  [text.signer, record.signerName],
  [text.signerCapacity, record.signerCapacity],
  [text.sealOf, record.sealOf],
  [text.apostilleAuthority, record.authorityName],
];
