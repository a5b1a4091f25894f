/** The 12308 consular protection hotline, dialled from abroad. */
export const HOTLINE = {
  primary: '+86-10-12308',
  backup: '+86-10-65612308',
} as const;

/** wx.makePhoneCall wants digits and a leading +. */
export function dialable(number: string): string {
  return number.replace(/[^\d+]/g, '');
}
