import type { DocumentsText } from './text';

/** English (keys and placeholders exactly as text.ts). */
export const en: DocumentsText = {
  title: 'My documents',
  intro: 'We remind you in Messages 12, 9 and 6 months before your passport expires, and prepare the renewal application for you.',
  empty: 'No documents yet. Passports issued through this mini-program appear here automatically; you can also add a passport you hold.',
  passport: 'Passport',
  passportOf: 'Passport ({name})',
  self: 'me',
  validUntil: 'Valid until {date}',
  estimated: 'Estimated from the date of issue; the date printed in the passport applies',
  numberLabel: 'Passport no. {number}',
  advice: {
    expired: 'Expired: please renew as soon as possible',
    renew_now: 'Valid for less than 6 months, which many countries refuse at entry: please renew now',
    renew_soon: 'Valid for less than 1 year: we advise renewing',
    valid: 'Valid',
  },
  renew: 'Renew now',
  continueRenewal: 'Continue the renewal application',
  opening: 'Preparing the renewal application…',
  remove: 'Remove',
  removeConfirm: 'After removal we no longer remind you before it expires. Remove it?',
  add: 'Add a passport I hold',
  addTitle: 'Add passport',
  fields: {
    number: 'Passport number',
    issueDate: 'Date of issue',
    expiryDate: 'Valid until',
  },
  placeholders: {
    number: 'e.g. E12345678',
    date: 'YYYY-MM-DD, e.g. 2020-01-31',
  },
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Added',
  subscribe: 'Turn on expiry reminders (WeChat service notifications)',
  subscribed: 'On: WeChat will remind you before it expires',
  loadFailed: 'Loading failed. Please try again later.',
  retry: 'Retry',
};
