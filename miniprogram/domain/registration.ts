import { checkEmail, checkPhone } from './contact';
import { checkIdNumber, checkPersonName, IdType, residentIdBirthDate } from './identity';
import { registrationMessages as rm } from './registration-messages';
import { Check, fail, normalizeInput, pass } from './validation';

/**
 * Overseas citizen registration (海外中国公民登记): the form's fields, its one validator
 * (the page shows `errors` beside each field; the server answers 400 with the same
 * `errors`), labels and the API shapes. Pure, no wx: the server imports it, and
 * scripts/build-miniprogram.ts copies it into packages/registration.
 */
export type RegistrationRelation = 'self' | 'spouse' | 'child' | 'parent';
export type RegistrationPurpose = 'student' | 'worker' | 'resident' | 'visitor';
export type RegistrationStatus = 'active' | 'ended' | 'deregistered';
export type AlertAnswer = 'safe' | 'help';

export const RELATIONS: readonly RegistrationRelation[] = ['self', 'spouse', 'child', 'parent'];
export const PURPOSES: readonly RegistrationPurpose[] = ['student', 'worker', 'resident', 'visitor'];

export const relationLabels: Record<RegistrationRelation, string> = { self: '本人', spouse: '配偶', child: '子女', parent: '父母' };
export const purposeLabels: Record<RegistrationPurpose, string> = { student: '留学', worker: '工作', resident: '定居', visitor: '旅行探亲' };
export const alertAnswerLabels: Record<AlertAnswer, string> = { safe: '我平安', help: '需要帮助' };

/** What the form sends (create and update). Never bank details. */
export interface RegistrationInput {
  relation: RegistrationRelation;
  name: string;
  idType: IdType;
  idNumber: string;
  birthDate: string;
  phone: string;
  email?: string;
  countryCode: string;
  region: string;
  city: string;
  address: string;
  purpose: RegistrationPurpose;
  arrivalDate: string;
  /** Required except for residents (定居), who may not plan to leave. */
  departureDate?: string;
  chinaContactName: string;
  chinaContactPhone: string;
  abroadContactName?: string;
  abroadContactPhone?: string;
  /** Health needs, languages… */
  notes?: string;
}

export type RegistrationField = keyof RegistrationInput;
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;
export type RegistrationValidation = { ok: true; value: RegistrationInput } | { ok: false; errors: RegistrationErrors };

/** The fields the form marks * (required). */
export const REQUIRED_FIELDS: readonly RegistrationField[] = [
  'relation', 'name', 'idType', 'idNumber', 'birthDate', 'phone', 'countryCode', 'region', 'city', 'address',
  'purpose', 'arrivalDate', 'chinaContactName', 'chinaContactPhone',
];

const MAX_TEXT = 200;
const MAX_NOTES = 500;

/** Today as YYYY-MM-DD in UTC (the server passes its clock; date pickers give local dates, one day either way is tolerated). */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function checkDate(raw: unknown): Check {
  const value = normalizeInput(raw);
  if (!value) return fail(rm.dateRequired);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(rm.dateInvalid);
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || isoDay(date) !== value) return fail(rm.dateInvalid);
  return pass(value);
}

/** Free text (address, notes) is kept as typed — Chinese punctuation is full-width on purpose. */
function checkText(raw: unknown, required: boolean, max = MAX_TEXT): Check | null {
  const value = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (!value) return required ? fail(rm.required) : null;
  if (value.length > max) return fail(rm.tooLong);
  return pass(value);
}

function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** Read when a message is needed, so it is in the language of that moment. */
const requiredMessage = (field: 'region' | 'city' | 'address') => ({ region: rm.regionRequired, city: rm.cityRequired, address: rm.addressRequired })[field];

/**
 * `identityOnFile`: 更新登记 on the phone, which only has the masked number — the person's
 * identity is not re-checked there (the server checks the stored one).
 */
export function validateRegistrationInput(
  input: Partial<Record<RegistrationField, unknown>>,
  today: Date = new Date(),
  options: { identityOnFile?: boolean } = {},
): RegistrationValidation {
  const errors: RegistrationErrors = {};
  const value: Partial<RegistrationInput> = {};
  const todayDay = isoDay(today);

  if (RELATIONS.includes(input.relation as RegistrationRelation)) value.relation = input.relation as RegistrationRelation;
  else errors.relation = rm.relationRequired;

  const name = checkPersonName(input.name);
  if (name.ok) value.name = name.value;
  else errors.name = name.message;

  const idNumber = options.identityOnFile ? pass('') : checkIdNumber(input.idType, input.idNumber);
  if (options.identityOnFile) value.idType = input.idType as IdType;
  else if (idNumber.ok) {
    value.idType = input.idType as IdType;
    value.idNumber = idNumber.value;
  } else errors[input.idType === 'resident_id' || input.idType === 'passport' ? 'idNumber' : 'idType'] = idNumber.message;

  const birth = checkDate(input.birthDate);
  if (!birth.ok) errors.birthDate = birth.message;
  else if (birth.value > todayDay || birth.value < '1900-01-01') errors.birthDate = rm.birthDateInvalid;
  else if (value.idType === 'resident_id' && value.idNumber && !options.identityOnFile && residentIdBirthDate(value.idNumber) !== birth.value) errors.birthDate = rm.birthDateMismatch;
  else value.birthDate = birth.value;

  const phone = checkPhone(input.phone);
  if (phone.ok) value.phone = phone.value;
  else errors.phone = normalizeInput(input.phone) ? phone.message : rm.phoneRequired;
  if (normalizeInput(input.email)) {
    const email = checkEmail(input.email);
    if (email.ok) value.email = email.value;
    else errors.email = email.message;
  }

  const country = normalizeInput(input.countryCode).toUpperCase();
  if (/^[A-Z]{2}$/.test(country)) value.countryCode = country;
  else errors.countryCode = rm.countryRequired;
  for (const field of ['region', 'city', 'address'] as const) {
    const checked = checkText(input[field], true);
    if (checked?.ok) value[field] = checked.value;
    else errors[field] = checked && !checked.ok && checked.message === rm.tooLong ? rm.tooLong : requiredMessage(field);
  }

  if (PURPOSES.includes(input.purpose as RegistrationPurpose)) value.purpose = input.purpose as RegistrationPurpose;
  else errors.purpose = rm.purposeRequired;

  const arrival = checkDate(input.arrivalDate);
  if (arrival.ok) value.arrivalDate = arrival.value;
  else errors.arrivalDate = arrival.message;
  if (normalizeInput(input.departureDate)) {
    const departure = checkDate(input.departureDate);
    if (!departure.ok) errors.departureDate = departure.message;
    else if (arrival.ok && departure.value < arrival.value) errors.departureDate = rm.departureBeforeArrival;
    // A departure already past would end the registration at once; a day's slack for time zones.
    else if (departure.value < addDays(todayDay, -1)) errors.departureDate = rm.departurePassed;
    else value.departureDate = departure.value;
  } else if (value.purpose && value.purpose !== 'resident') errors.departureDate = rm.departureRequired;

  const contactName = checkPersonName(input.chinaContactName);
  if (contactName.ok) value.chinaContactName = contactName.value;
  else errors.chinaContactName = normalizeInput(input.chinaContactName) ? contactName.message : rm.chinaContactRequired;
  const contactPhone = checkPhone(input.chinaContactPhone);
  if (contactPhone.ok) value.chinaContactPhone = contactPhone.value;
  else errors.chinaContactPhone = normalizeInput(input.chinaContactPhone) ? contactPhone.message : rm.chinaContactPhoneRequired;

  const abroadName = normalizeInput(input.abroadContactName);
  const abroadPhone = normalizeInput(input.abroadContactPhone);
  if (abroadName || abroadPhone) {
    const n = checkPersonName(abroadName);
    const p = checkPhone(abroadPhone);
    if (n.ok) value.abroadContactName = n.value;
    else errors.abroadContactName = abroadName ? n.message : rm.abroadContactIncomplete;
    if (p.ok) value.abroadContactPhone = p.value;
    else errors.abroadContactPhone = abroadPhone ? p.message : rm.abroadContactIncomplete;
  }

  const notes = checkText(input.notes, false, MAX_NOTES);
  if (notes?.ok) value.notes = notes.value;
  else if (notes) errors.notes = rm.notesTooLong;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: value as RegistrationInput };
}

/** Regions (states / provinces) a country's missions serve, in their order: the form's picker. */
export function regionsOf(missions: ReadonlyArray<{ countryCode: string; districtZh: string[] }>, countryCode: string): string[] {
  const regions: string[] = [];
  for (const mission of missions) {
    if (mission.countryCode !== countryCode) continue;
    for (const region of mission.districtZh) if (!regions.includes(region)) regions.push(region);
  }
  return regions;
}

/** The text a certificate's QR code holds: a fixed prefix and the code staff look up. */
export function certificateQrText(code: string): string {
  return `CNREG:${code}`;
}

// ── API shapes ──

export interface RegistrationSummary {
  id: string;
  relation: RegistrationRelation;
  name: string;
  idNumberMasked: string;
  status: RegistrationStatus;
  statusLabel: string;
  countryCode: string;
  region: string;
  city: string;
  purpose: RegistrationPurpose;
  departureDate: string | null;
  missionId: string;
  missionNameZh: string;
  certificateCode: string;
  /** A year since the citizen last confirmed (or changed) it: ask "is this still right?". */
  needsConfirmation: boolean;
  updatedAt: string;
}

/** The citizen's own record, everything but the full identity number. */
export interface RegistrationDetail extends RegistrationSummary {
  form: Omit<RegistrationInput, 'idNumber'> & { idNumber: string };
  createdAt: string;
  confirmedAt: string;
  endedAt: string | null;
}

export interface RegistrationCertificate {
  code: string;
  qrText: string;
  name: string;
  idNumberMasked: string;
  missionNameZh: string;
  missionPhone: string;
  region: string;
  city: string;
  registeredAt: string;
  status: RegistrationStatus;
}

export interface RegistrationAlertPerson {
  registrationId: string;
  name: string;
  answer: AlertAnswer | null;
  answeredAt: string | null;
}

/** The page a safety alert's message opens: the alert and the account's people it reached. */
export interface RegistrationAlertView {
  alert: { id: string; title: string; body: string; level: string; levelZh: string; effectiveFrom: string };
  people: RegistrationAlertPerson[];
}
