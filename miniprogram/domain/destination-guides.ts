/** The sections of a destination guide (出行指南), in the order the page shows them. */
export const GUIDE_SECTIONS = [
  'entry_residence',
  'safety',
  'transport',
  'healthcare',
  'emergency_numbers',
  'mission_contacts',
] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

export const guideSectionTitles: Record<GuideSection, string> = {
  entry_residence: '入境与居留',
  safety: '安全提示',
  transport: '交通出行',
  healthcare: '医疗卫生',
  emergency_numbers: '紧急电话',
  mission_contacts: '使领馆联系方式',
};
