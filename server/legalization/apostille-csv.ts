import { checkApostilleNo, CONVENTION_IN_FORCE_FOR_CHINA, issuesApostilles } from '../../miniprogram/domain/apostille';
import type { VerifiedApostille } from '../../miniprogram/domain/info-api-types';
import { normalizeInput } from '../../miniprogram/domain/validation';
import type { AuthorityIndex } from './authorities';
import { type LegalizationScope, mayHandle } from './authority-scope';
import { checkRegistryCsv, latestIssueDate, parseIssueDate, type RegistryCsvCheck } from './csv-import';
import { legalizationMessages as m } from './legalization-messages';

/** One apostille as the register holds it (Convention art. 7). */
export type NewApostille = Omit<VerifiedApostille, 'authorityName'>;

export type ApostilleColumn = 'apostille_no' | 'issued_on' | 'signer_name' | 'signer_capacity' | 'seal_of' | 'authority_id';

/** Header names per column: the English code, then the Chinese heading (named in messages). */
const COLUMNS: Record<ApostilleColumn, string[]> = {
  apostille_no: ['apostille_no', '附加证明书编号', '证书编号', '编号'],
  issued_on: ['issued_on', '签发日期'],
  signer_name: ['signer_name', '签署人'],
  signer_capacity: ['signer_capacity', '签署身份', '签署人身份', '职务'],
  seal_of: ['seal_of', '印章所属机关', '印章机关'],
  authority_id: ['authority_id', '签发机关', 'authority'],
};

const MAX_TEXT = 100;

function optionalText(raw: string, label: string, errors: string[]): string | null {
  const value = normalizeInput(raw);
  if (value.length > MAX_TEXT) errors.push(m.textTooLong(label, MAX_TEXT));
  return value || null;
}

/** One row's fields; who may register an apostille is the scope's MFA role (apostilles are issued at home). */
export function checkApostilleRow(
  raw: Record<ApostilleColumn, string>,
  context: { authorities: AuthorityIndex; scope: LegalizationScope; latestIssueDate: string },
): { ok: true; record: NewApostille } | { ok: false; errors: Partial<Record<ApostilleColumn, string>> } {
  const errors: Partial<Record<ApostilleColumn, string>> = {};
  const number = checkApostilleNo(raw.apostille_no);
  if (!number.ok) errors.apostille_no = number.message;
  const issuedOn = parseIssueDate(normalizeInput(raw.issued_on));
  if (!issuedOn) errors.issued_on = m.issuedOnFormat;
  else if (issuedOn > context.latestIssueDate || issuedOn < CONVENTION_IN_FORCE_FOR_CHINA) errors.issued_on = m.apostilleIssuedOnRange;

  const textErrors: string[] = [];
  const signerName = optionalText(raw.signer_name, m.signerNameLabel, textErrors);
  const signerCapacity = optionalText(raw.signer_capacity, m.signerCapacityLabel, textErrors);
  const sealOf = optionalText(raw.seal_of, m.sealOfLabel, textErrors);
  if (textErrors.length > 0) errors.signer_name = textErrors.join('；');
  else if (!signerName && !sealOf) errors.signer_name = m.signerRequired;
  else if (!!signerName !== !!signerCapacity) errors.signer_capacity = m.signerCapacityRequired;

  const authorityText = normalizeInput(raw.authority_id);
  const authority = context.authorities.find(authorityText);
  if (!authority) errors.authority_id = m.authorityUnknown(authorityText);
  else if (!issuesApostilles(authority.kind)) errors.authority_id = m.authorityNotApostille(authority.nameZh);
  else if (!mayHandle(context.scope, authority)) errors.authority_id = m.apostilleAuthorityNeedsMfaRole;

  if (!number.ok || !issuedOn || !authority || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, record: { apostilleNo: number.value, issuedOn, signerName, signerCapacity, sealOf, authorityId: authority.id } };
}

export function checkApostilleCsv(text: string, context: { authorities: AuthorityIndex; scope: LegalizationScope }): RegistryCsvCheck<NewApostille> {
  const rowContext = { ...context, latestIssueDate: latestIssueDate() };
  return checkRegistryCsv(text, {
    columns: COLUMNS,
    checkRow: (raw) => checkApostilleRow(raw, rowContext),
    uniqueKeys: (record) => [{ key: `${record.authorityId}\u0000${record.apostilleNo}`, label: `${m.apostilleNoLabel} ${record.apostilleNo} ` }],
  });
}
