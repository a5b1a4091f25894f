import type { LegalizationText } from './text';

/** English (keys and placeholders exactly as text.ts). */
export const en: LegalizationText = {
  title: 'Legalization check',
  intro: 'Enter the legalization number and sticker number exactly as on the legalization sticker, and choose the signing authority. No sign-in needed.',
  legalizationNo: 'Legalization no.',
  legalizationNoPlaceholder: 'The legalization number on the sticker',
  stickerNo: 'Sticker no.',
  stickerNoPlaceholder: 'The sticker\'s serial number',
  authority: 'Signing authority',
  authorityPlaceholder: 'Please choose',
  authoritySearch: 'Search authorities, e.g. "Beijing", "New York"',
  authorityEmpty: 'No matching signing authority',
  authorityLoadFailed: 'The list of signing authorities could not be loaded',
  retry: 'Retry',
  groups: {
    ministry: 'Ministry of Foreign Affairs',
    foreign_affairs_office: 'Local foreign affairs offices',
    mission: 'Embassies and consulates abroad',
  },
  submit: 'Check',
  submitting: 'Checking…',
  fixErrors: 'Please correct the items marked and check again',
  documentType: 'Document type',
  issuedOn: 'Legalized on',
  issuingAuthority: 'Signing authority',
  revokedOn: 'Revoked on',
  revokedAdvice: 'This legalization is no longer valid; do not use it. Contact the signing authority with any questions.',
  rateLimited: 'Too many checks. Please try again later',
  again: 'Check another legalization',
  close: 'Close',
  shareTitle: 'Legalization check: verify a consular legalization',
};
