import crypto from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { maskIdNumber } from '../../miniprogram/domain/identity';
import type { RegistrationDetail, RegistrationInput, RegistrationSummary } from '../../miniprogram/domain/registration';
import { registrationStatusLabels } from '../../contracts/registration';
import type { Database } from '../db/schema';
import type { PiiCipher } from '../security/pii-cipher';

/** A year without confirmation (or change) asks the citizen "is this still right?". */
export const CONFIRM_AFTER_DAYS = 365;

/** Contacts, address and notes: sealed together (details_enc). */
type SealedDetails = Pick<RegistrationInput, 'phone' | 'email' | 'address' | 'chinaContactName' | 'chinaContactPhone' | 'abroadContactName' | 'abroadContactPhone' | 'notes'>;

/** Crockford base32 without I L O U: readable aloud, and QR alphanumeric mode. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 登记凭证 code: "CR" + 12 random characters (60 bits), e.g. CR7K2M9QH4XD1F. */
export function newCertificateCode(): string {
  const bytes = crypto.randomBytes(12);
  return 'CR' + [...bytes].map((b) => CODE_ALPHABET[b % 32]).join('');
}

/** Phone shown to staff in lists: country code, then only the last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return phone.replace(/\d(?=\d{2})/g, '*');
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export function idIndex(pii: PiiCipher, idType: string, idNumber: string): Buffer {
  // Same key space as identities.id_number_index, so one person is one index everywhere.
  return pii.blindIndex(`${idType}:${idNumber}`);
}

/** Columns written from a validated form (insert and update alike). */
export function sealedColumns(pii: PiiCipher, input: RegistrationInput, missionId: string) {
  const details: SealedDetails = {
    phone: input.phone,
    email: input.email,
    address: input.address,
    chinaContactName: input.chinaContactName,
    chinaContactPhone: input.chinaContactPhone,
    abroadContactName: input.abroadContactName,
    abroadContactPhone: input.abroadContactPhone,
    notes: input.notes,
  };
  return {
    relation: input.relation,
    name: input.name,
    id_type: input.idType,
    id_number_enc: pii.encrypt(input.idNumber),
    id_number_index: idIndex(pii, input.idType, input.idNumber),
    id_number_masked: maskIdNumber(input.idNumber),
    id_number_tail: input.idNumber.slice(-4).toUpperCase(),
    birth_date: input.birthDate,
    phone_masked: maskPhone(input.phone),
    details_enc: pii.encrypt(JSON.stringify(details)),
    country_code: input.countryCode,
    region: input.region,
    city: input.city,
    mission_id: missionId,
    purpose: input.purpose,
    arrival_date: input.arrivalDate,
    departure_date: input.departureDate ?? null,
  };
}

export function openDetails(pii: PiiCipher, sealed: string): SealedDetails {
  return JSON.parse(pii.decrypt(sealed)) as SealedDetails;
}

/** A registration row with its mission's name, dates as YYYY-MM-DD text (drivers turn `date` into local-time Dates). */
export function selectRegistrations(db: Kysely<Database>) {
  return db
    .selectFrom('registrations as r')
    .innerJoin('missions as m', 'm.id', 'r.mission_id')
    .select([
      'r.id', 'r.user_id', 'r.relation', 'r.name', 'r.id_type', 'r.id_number_enc', 'r.id_number_masked', 'r.phone_masked', 'r.details_enc',
      'r.country_code', 'r.region', 'r.city', 'r.mission_id', 'r.purpose', 'r.status', 'r.end_reason', 'r.certificate_code',
      'r.created_at', 'r.updated_at', 'r.confirmed_at', 'r.ended_at',
      sql<string>`r.birth_date::text`.as('birth_date'),
      sql<string>`r.arrival_date::text`.as('arrival_date'),
      sql<string | null>`r.departure_date::text`.as('departure_date'),
      'm.name_zh as mission_name_zh',
      'm.phone as mission_phone',
    ]);
}

export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof selectRegistrations>['executeTakeFirstOrThrow']>>;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function needsConfirmation(row: Pick<RegistrationRow, 'status' | 'confirmed_at'>, now = Date.now()): boolean {
  return row.status === 'active' && now - new Date(row.confirmed_at).getTime() >= CONFIRM_AFTER_DAYS * 86_400_000;
}

export function toSummary(row: RegistrationRow, now = Date.now()): RegistrationSummary {
  return {
    id: row.id,
    relation: row.relation,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    status: row.status,
    statusLabel: registrationStatusLabels[row.status],
    countryCode: row.country_code.trim(),
    region: row.region,
    city: row.city,
    purpose: row.purpose,
    departureDate: row.departure_date,
    missionId: row.mission_id,
    missionNameZh: row.mission_name_zh,
    certificateCode: row.certificate_code,
    needsConfirmation: needsConfirmation(row, now),
    updatedAt: iso(row.updated_at)!,
  };
}

/** The citizen's own record. `idNumber` is masked unless `withIdNumber` (the export). */
export function toDetail(pii: PiiCipher, row: RegistrationRow, withIdNumber = false, now = Date.now()): RegistrationDetail {
  const details = openDetails(pii, row.details_enc);
  return {
    ...toSummary(row, now),
    form: {
      relation: row.relation,
      name: row.name,
      idType: row.id_type,
      idNumber: withIdNumber ? pii.decrypt(row.id_number_enc) : row.id_number_masked,
      birthDate: row.birth_date,
      countryCode: row.country_code.trim(),
      region: row.region,
      city: row.city,
      purpose: row.purpose,
      arrivalDate: row.arrival_date,
      ...(row.departure_date ? { departureDate: row.departure_date } : {}),
      ...dropUndefined(details),
    },
    createdAt: iso(row.created_at)!,
    confirmedAt: iso(row.confirmed_at)!,
    endedAt: iso(row.ended_at),
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

