/**
 * 我的证件's staff contract (server/passports ↔ console/src/api/passports-api.ts): the passport
 * staff record for an order. Staff-only, so not in miniprogram/domain/held-passport.ts.
 */

/** GET/PUT /api/console/applications/:id/issued-passport: the passport issued for an order. */
export interface IssuedPassportView {
  /** The order issues a passport: the console asks for it at 待领取 / 已寄出. */
  required: boolean;
  recorded: { numberMasked: string; issueDate: string; expiryDate: string } | null;
}
