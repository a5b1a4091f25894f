import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { validateHeldPassport } from '../../miniprogram/domain/held-passport';
import { missionApplication } from '../applications/application-view';
import type { ApplicationsContext } from '../applications/application-context';
import { recordAudit } from '../audit/audit-log';
import { unauthenticated, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { assertMayDecide } from '../orders/claims';
import { requireStaff, type SignedInStaff } from '../staff/authenticate';
import { issuedPassportOf, recordIssuedPassport } from './issued-passport';

const viewSchema = z.object({
  required: z.boolean(),
  recorded: z.object({ numberMasked: z.string(), issueDate: z.string(), expiryDate: z.string() }).nullable(),
});
const idParams = z.object({ id: z.string().max(64) });

/**
 * The console's side of 我的证件: the passport issued for an order, recorded at the issue step
 * (待领取 / 已寄出) — the console asks for it before it sends the transition. Orders of the
 * staff member's mission only (another mission's is 404).
 */
export const passportConsoleRoutes: FastifyPluginAsyncZod<{ ctx: ApplicationsContext; now: () => Date }> = async (staffScope, { ctx, now }) => {
  staffScope.addHook('preHandler', requireStaff(ctx.db, ctx.staffSessions));
  const staffOf = (request: { staff?: SignedInStaff }) => {
    if (!request.staff) throw unauthenticated();
    return request.staff;
  };

  staffScope.get(
    '/api/console/applications/:id/issued-passport',
    {
      schema: {
        tags: ['console', 'passports'],
        summary: 'Whether the order issues a passport (asked for at 待领取 / 已寄出) and the one recorded, masked',
        params: idParams,
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    async (request) => issuedPassportOf(ctx.db, ctx.pii, await missionApplication(ctx.db, request.params.id, staffOf(request))),
  );

  staffScope.put(
    '/api/console/applications/:id/issued-passport',
    {
      schema: {
        tags: ['console', 'passports'],
        summary: 'Record the passport issued for the order: number, issue and expiry date as printed (audited)',
        params: idParams,
        body: z.object({ number: z.string().max(32), issueDate: z.string().max(32), expiryDate: z.string().max(32) }),
        response: { 200: viewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const checked = validateHeldPassport(request.body, now());
      return ctx.db.transaction().execute(async (tx) => {
        const row = await missionApplication(tx, request.params.id, staff);
        // Checked after the mission scope, so another mission's order is 404 whatever is sent.
        if (!checked.ok) throw validationFailed(checked.errors as Record<string, string>);
        await assertMayDecide(tx, row, staff);
        await recordIssuedPassport(tx, ctx.pii, row, staff, checked.value);
        await recordAudit(tx, {
          actorKind: 'staff',
          actorId: staff.staffId,
          missionId: staff.missionId,
          action: 'application.issued_passport',
          subject: row.id,
          detail: { orderNo: row.order_no, issueDate: checked.value.issueDate, expiryDate: checked.value.expiryDate },
        });
        return issuedPassportOf(tx, ctx.pii, row);
      });
    },
  );
};
