import type { RegistrationInput } from '../../../miniprogram/domain/registration';

/** A valid registration form in New York (us-new-york's district); override any field. */
export function registrationForm(overrides: Partial<Record<keyof RegistrationInput, string>> = {}): Record<string, string> {
  const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  return {
    relation: 'self',
    name: '李明',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    birthDate: '1949-12-31',
    phone: '+12125550100',
    email: 'li.ming@example.com',
    countryCode: 'US',
    region: '纽约',
    city: 'New York',
    address: '350 5th Ave, New York, NY 10118',
    purpose: 'student',
    arrivalDate: '2025-09-01',
    departureDate: inAYear,
    chinaContactName: '李华',
    chinaContactPhone: '13800138000',
    abroadContactName: 'John Smith',
    abroadContactPhone: '+12125550199',
    notes: '青霉素过敏；会说英语',
    ...overrides,
  };
}

/** Resident ID numbers with the given birth date (YYYYMMDD) and sequence, check digit computed. */
export function residentIdBornOn(yyyymmdd: string, sequence: number): string {
  const first17 = `110105${yyyymmdd}${String(sequence % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}
