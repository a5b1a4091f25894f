/** One application in the console: its view (audited), the state machine's actions, a note to the citizen. */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { consoleApplicationSchema } from '../../contracts/console-review';
import type { Answers } from '../../miniprogram/domain/services/definition-types';
import { ORDER_ACTION_LABELS } from '../../miniprogram/domain/services/order-state-machine';
import { applicationServices } from '../../miniprogram/domain/services/service-registry';
import { missionApplication } from '../applications/application-view';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { requireStaff } from '../staff/authenticate';
import { interviewTookPlace } from '../workflow/interview-labels';
import { staffNextStepMessages } from '../workflow/review-messages';
import { addStaffNote, type ApplicationRow, applyTransition } from '../workflow/transitions';
import { assertMayDecide } from './claims';
import { type ConsoleReviewOptions, staffOf } from './console-access';
import { type ConsoleDeps, consoleApplication } from './console-view';

/**
 * 面审通过 only after an interview: a video call that ended since the order entered
 * 待视频面审, or an in-person interview staff record with a note. Else 409.
 */
async function assertInterviewHeld(db: Kysely<Database>, row: ApplicationRow, body: { inPerson?: boolean; note?: string }): Promise<void> {
  if (await interviewTookPlace(db, row.id)) return;
  if (body.inPerson && body.note?.trim()) return;
  throw new ApiError(409, 'INTERVIEW_NOT_HELD', staffNextStepMessages.interviewNotHeld);
}

const isKnownAction = (action: string) =>
  action in ORDER_ACTION_LABELS || applicationServices().some((service) => service.rules.workflow?.some((t) => t.action === action));

export const consoleApplicationRoutes: FastifyPluginAsyncZod<ConsoleReviewOptions> = async (root, options) => {
  const { db, pii } = options;
  const deps: ConsoleDeps = { db, decryptAnswers: (row) => JSON.parse(pii.decrypt(row.answers_enc)) as Answers };
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireStaff(db, options.staffSessions));
  const response = { 200: consoleApplicationSchema, ...errorResponses };

  app.get(
    '/api/console/applications/:id',
    {
      schema: {
        tags: ['console'],
        summary: 'One application: every field, documents beside what they prove, findings, face result, history, allowed actions (audited)',
        params: z.object({ id: z.string().max(64) }),
        response,
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const row = await missionApplication(db, request.params.id, staff);
      const view = await consoleApplication(deps, row, staff);
      await recordAudit(db, {
        actorKind: 'staff',
        actorId: staff.staffId,
        missionId: staff.missionId,
        action: 'application.view',
        subject: row.id,
        detail: { orderNo: row.order_no, status: row.status },
      });
      return view;
    },
  );

  app.post(
    '/api/console/applications/:id/actions/:action',
    {
      schema: {
        tags: ['console'],
        summary: 'Move the order through the state machine (optimistic locking on version)',
        params: z.object({ id: z.string().max(64), action: z.string().max(40) }),
        body: z.object({
          version: z.number().int().min(0),
          note: z.string().max(1000).optional(),
          items: z.array(z.string().max(64)).max(20).optional(),
          trackingNo: z.string().max(64).optional(),
          /** interview_passed without a held video interview: staff interviewed in person (note required). */
          inPerson: z.boolean().optional(),
        }),
        response,
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const { id, action } = request.params;
      if (!isKnownAction(action)) throw notFound();
      const row = await db.transaction().execute(async (tx) => {
        const current = await missionApplication(tx, id, staff);
        await assertMayDecide(tx, current, staff);
        if (action === 'interview_passed' && current.status === 'interview') await assertInterviewHeld(tx, current, request.body);
        const result = await applyTransition(tx, {
          applicationId: id,
          action,
          actor: { kind: 'staff', id: staff.staffId, role: staff.role, missionId: staff.missionId },
          note: request.body.note,
          data: { items: request.body.items, trackingNo: request.body.trackingNo, ...(request.body.inPerson ? { inPerson: true } : {}) },
          expectedVersion: request.body.version,
        });
        // Decided: the order goes back to the queue for whoever takes its next step.
        await tx.updateTable('applications').set({ claimed_by: null, claimed_at: null }).where('id', '=', id).execute();
        return { ...result.application, claimed_by: null, claimed_at: null };
      });
      return consoleApplication(deps, row, staff);
    },
  );

  app.post(
    '/api/console/applications/:id/notes',
    {
      schema: {
        tags: ['console'],
        summary: 'A note to the citizen (消息中心) without a status change',
        params: z.object({ id: z.string().max(64) }),
        body: z.object({ note: z.string().trim().min(1).max(1000) }),
        response,
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const row = await db.transaction().execute(async (tx) => {
        const current = await missionApplication(tx, request.params.id, staff);
        await addStaffNote(tx, current, { kind: 'staff', id: staff.staffId, role: staff.role, missionId: staff.missionId }, request.body.note);
        await recordAudit(tx, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action: 'application.note', subject: current.id });
        return current;
      });
      return consoleApplication(deps, row, staff);
    },
  );
};
