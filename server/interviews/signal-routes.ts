import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CallSide, SIGNAL_MAX_BYTES, SIGNAL_WAIT_MAX_MS, type SignalPage } from '../../contracts/interviews';
import { bearerToken } from '../citizen-auth/authenticate';
import { unauthenticated } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { hashToken } from '../security/tokens';
import { requireStaff, STAFF_COOKIE } from '../staff/authenticate';
import { type InterviewContext, UUID } from './interview-context';
import { interviewErrors } from './interview-errors';
import { signalKinds, signalPageSchema } from './interview-schemas';
import type { CallRow } from './interview-view';

/** How often a waiting long-poll looks at the database (signals another instance inserted). */
const RECHECK_MS = 500;
const PAGE_LIMIT = 200;

/**
 * WebRTC signalling for one call, through the database: each side posts its signals and
 * long-polls for the other side's. Staff are recognised by their console cookie (their
 * mission's calls only), the call page by the call token it got at join.
 */
export const signalRoutes: FastifyPluginAsyncZod<{ ctx: InterviewContext }> = async (root, { ctx }) => {
  const { db, hub } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  const staffCheck = requireStaff(db, ctx.staffSessions);

  /** Which side of which call is asking: a call token names its call; a staff cookie, any call of that mission. */
  const caller = async (request: FastifyRequest, callId: string): Promise<{ call: CallRow; side: CallSide }> => {
    const token = bearerToken(request);
    if (token) {
      const call = await db.selectFrom('interview_calls').selectAll().where('citizen_token_hash', '=', hashToken(token)).executeTakeFirst();
      // Another call's token is no token for this one.
      if (!call || call.id !== callId) throw unauthenticated();
      return { call, side: 'citizen' };
    }
    if (!request.cookies[STAFF_COOKIE]) throw unauthenticated();
    await staffCheck(request);
    const call = UUID.test(callId) ? await db.selectFrom('interview_calls').selectAll().where('id', '=', callId).executeTakeFirst() : undefined;
    if (!call || call.mission_id !== request.staff!.missionId) throw interviewErrors.callNotFound();
    return { call, side: 'staff' };
  };

  const params = z.object({ callId: z.string().max(64) });

  app.post(
    '/api/interview-calls/:callId/signals',
    {
      schema: {
        tags: ['interviews'],
        summary: `Send a signal to the other side (staff cookie or call token; data ≤ ${SIGNAL_MAX_BYTES / 1024} KB JSON)`,
        params,
        body: z.object({ kind: z.enum(signalKinds), data: z.unknown().optional() }),
        response: { 200: z.object({ seq: z.number() }), 413: errorResponses[400], ...errorResponses },
      },
    },
    async (request) => {
      const { call, side } = await caller(request, request.params.callId);
      const data = request.body.data === undefined ? null : JSON.stringify(request.body.data);
      if (data !== null && Buffer.byteLength(data, 'utf8') > SIGNAL_MAX_BYTES) throw interviewErrors.signalTooLarge();
      // Checked again in the insert itself: a call ended meanwhile takes no more signals.
      const row = await db
        .insertInto('interview_signals')
        .columns(['call_id', 'from_side', 'kind', 'data'])
        .expression((eb) =>
          eb
            .selectFrom('interview_calls')
            .select([eb.val(call.id).as('call_id'), eb.val(side).as('from_side'), eb.val(request.body.kind).as('kind'), eb.cast(eb.val(data), 'jsonb').as('data')])
            .where('id', '=', call.id)
            .where('status', '=', 'open'),
        )
        .returning('seq')
        .executeTakeFirst();
      if (!row) throw interviewErrors.callEnded();
      hub.notify(call.id);
      return { seq: Number(row.seq) };
    },
  );

  app.get(
    '/api/interview-calls/:callId/signals',
    {
      schema: {
        tags: ['interviews'],
        summary: `The other side's signals after seq \`after\`; with waitMs (≤ ${SIGNAL_WAIT_MAX_MS}) waits for one (long-poll), returning at once when the call ends`,
        params,
        querystring: z.object({
          after: z.coerce.number().int().min(0).optional(),
          waitMs: z.coerce.number().int().min(0).max(SIGNAL_WAIT_MAX_MS).optional(),
        }),
        response: { 200: signalPageSchema, ...errorResponses },
      },
    },
    async (request): Promise<SignalPage> => {
      const { call, side } = await caller(request, request.params.callId);
      const after = request.query.after ?? 0;
      const deadline = Date.now() + (request.query.waitMs ?? 0);
      const read = async (): Promise<SignalPage> => {
        const [rows, current] = await Promise.all([
          db
            .selectFrom('interview_signals')
            .select(['seq', 'from_side', 'kind', 'data'])
            .where('call_id', '=', call.id)
            .where('from_side', '<>', side)
            .where('seq', '>', String(after))
            .orderBy('seq')
            .limit(PAGE_LIMIT)
            .execute(),
          db.selectFrom('interview_calls').select('status').where('id', '=', call.id).executeTakeFirstOrThrow(),
        ]);
        return { signals: rows.map((r) => ({ seq: Number(r.seq), from: r.from_side, kind: r.kind, data: r.data ?? null })), status: current.status };
      };
      for (;;) {
        const page = await read();
        if (page.signals.length > 0 || page.status === 'ended' || Date.now() >= deadline || hub.closing || request.raw.socket?.destroyed === true) return page;
        // Woken at once by a signal this process inserts; otherwise look again soon (another instance may have).
        await hub.wait(call.id, Math.min(RECHECK_MS, deadline - Date.now()));
        if (hub.closing) return { signals: [], status: page.status };
      }
    },
  );
};
