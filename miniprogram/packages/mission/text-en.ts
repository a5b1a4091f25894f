import type { MissionText } from './text';

/** English (keys and placeholders exactly as text.ts). */
export const en: MissionText = {
  mission: {
    title: 'Choose embassy or consulate',
    searchPlaceholder: 'Search by country, city or mission name',
    empty: 'No matching embassy or consulate',
    saved: 'Chosen: {name}',
    loadFailed: 'The list could not be loaded. Pull down to retry.',
    district: 'Consular district',
    retry: 'Retry',
    chosen: 'Chosen',
  },
};
