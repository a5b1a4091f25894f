import fastifyMultipart from '@fastify/multipart';
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { APPOINTMENT_KIND_LABELS } from '../../miniprogram/domain/appointments';
import { applicableAppointmentRules } from '../workflow/appointment-gate';
import type { CitizenMessage, OrderView, SupplementSlot, Timeline, TimelineEntry } from '../../miniprogram/domain/order-api-types';
import { type ApplicationStatus, statusLabel } from '../../miniprogram/domain/services/application-status';
import { actionLabel, nextStepHint, type OrderAction } from '../../miniprogram/domain/services/order-state-machine';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { requireCitizen, citizenId } from '../citizen-auth/authenticate';
import { buildApplicationsContext, type ApplicationsOptions } from '../applications/application-context';
import { type ApplicationRow, findOwnedApplication, loadDetail, toUploadedDocument } from '../applications/application-view';
import { applicationDetailSchema, uploadedDocumentSchema } from '../applications/application-schemas';
import { MAX_UPLOAD_BYTES, prepareUpload, RAW_UPLOAD_TYPES, readUpload } from '../applications/document-routes';
import { readStoredFile, upsertApplicationFile, withAutoCrop } from '../applications/stored-files';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { newStorageKey } from '../files/file-store';
import { deleteStaged, putStaged } from '../files/staged-files';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { cursorParts, pageCursor, readCursor } from '../http/page-cursor';
import { errorResponses, missionSchema } from '../http/schemas';
import { interviewHint } from '../workflow/interview-labels';
import { citizenInterviewSchema } from '../interviews/interview-schemas';
import { citizenInterview } from '../interviews/interview-view';
import { MissionDirectory } from '../missions/mission-directory';
import { missionPhotoSpec } from '../photo/mission-photo-spec';
import { queueEstimate } from './queue-estimate';
import { serverMessages } from '../messages';
import { reviewMessages } from '../workflow/review-messages';
import { supplementDocId, supplementItems } from '../workflow/supplements';
import { applyTransition } from '../workflow/transitions';

/** 消息中心 position: [created_at as PostgreSQL text, id]. */
const messageCursor = pageCursor(z.tuple([cursorParts.timestamp, cursorParts.uuid]));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Subscription templates this server sends (WeChat 订阅消息 template ids, per AppID; config WECHAT_TEMPLATE_*). */
export function subscriptionTemplates(config: Pick<Config, 'wechat'>): { orderStatus: string; safetyAlert: string; documentExpiry: string } {
  const { orderStatus, safetyAlert, documentExpiry } = config.wechat.templates;
  return { orderStatus, safetyAlert, documentExpiry };
}

export async function unreadCount(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const idParams = z.object({ id: z.string().max(64) });
const timelineEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  from: z.string(),
  to: z.string(),
  toLabel: z.string(),
  actor: z.enum(['citizen', 'staff', 'system']),
  note: z.string().nullable(),
  items: z.array(z.string()).optional(),
  trackingNo: z.string().optional(),
});
const hintSchema = z.object({ who: z.enum(['citizen', 'mission', 'none']), todo: z.string().nullable(), text: z.string() });
const timelineSchema = z.object({
  applicationId: z.string(),
  orderNo: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  nextStep: hintSchema,
  trackingNo: z.string().nullable(),
  entries: z.array(timelineEntrySchema),
  queue: z.object({ position: z.number(), estimatedDate: z.string().nullable(), text: z.string() }).nullable(),
});
const messageSchema = z.object({
  id: z.string(),
  applicationId: z.string().nullable(),
  alertId: z.string().nullable(),
  passportId: z.string().nullable(),
  kind: z.enum(['status', 'note']),
  title: z.string(),
  body: z.string(),
  status: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
const orderMissionSchema = missionSchema.pick({ id: true, nameZh: true, addressZh: true, phone: true, hoursZh: true });
const findingSchema = z.object({ code: z.string(), message: z.string(), severity: z.enum(['error', 'advice']) });

/** The citizen's side of the review workflow: timeline, supplements, 消息中心, subscriptions. */
export const reviewCitizenRoutes: FastifyPluginAsyncZod<ApplicationsOptions> = async (root, options) => {
  const ctx = buildApplicationsContext(options);
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireCitizen(ctx.sessions));

  /** The order's timeline and what to do next (the 订单详情 page and 预约面审 read it). */
  const timelineOf = async (row: ApplicationRow): Promise<Timeline> => {
    const service = findApplicationService(row.service);
    const history = await db.selectFrom('application_history').selectAll().where('application_id', '=', row.id).orderBy('id').execute();
    const entries = history.map((h): TimelineEntry => {
      const data = (h.data ?? {}) as { items?: string[]; trackingNo?: string };
      const entry: TimelineEntry = {
        at: iso(h.at)!,
        action: h.action as OrderAction | 'note',
        actionLabel: h.action === 'note' ? '使领馆留言' : actionLabel(h.action, service),
        from: h.from_status as ApplicationStatus,
        to: h.to_status as ApplicationStatus,
        toLabel: statusLabel(h.to_status, service),
        actor: h.actor_kind,
        note: h.note,
      };
      if (Array.isArray(data.items) && service) {
        const choices = supplementItems(service);
        entry.items = data.items.map((item) => choices.find((c) => c.id === item)?.label ?? item);
      }
      if (typeof data.trackingNo === 'string') entry.trackingNo = data.trackingNo;
      return entry;
    });
    const timeline: Timeline = {
      applicationId: row.id,
      orderNo: row.order_no,
      status: row.status as ApplicationStatus,
      statusLabel: statusLabel(row.status, service),
      nextStep: nextStepHint(row.status, {
        mailOldPassport: row.mail_old_passport,
        orderNo: row.order_no,
        collection: row.collection,
        refundable: service?.rules.refundable,
        ...(await interviewHint(db, row)),
        statusHints: service?.statusHints,
      }),
      trackingNo: row.tracking_no,
      entries,
      queue: await queueEstimate(db, row),
    };
    return timeline;
  };

  app.get(
    '/api/applications/:id/timeline',
    {
      schema: {
        tags: ['applications'],
        summary: "The order's full timeline (every status change and staff note) and what to do next",
        params: idParams,
        response: { 200: timelineSchema, ...errorResponses },
      },
    },
    async (request) => timelineOf(await findOwnedApplication(db, request.params.id, citizenId(request))),
  );

  // ── supplements: the 补充材料 slot ──

  const slotOf = async (row: ApplicationRow): Promise<SupplementSlot> => {
    const service = findApplicationService(row.service);
    if (!service || row.status !== 'supplement_requested') return { open: false, note: row.supplement_note, items: [] };
    const files = await db
      .selectFrom('application_files')
      .selectAll()
      .where('application_id', '=', row.id)
      .where('doc_id', 'in', row.supplement_items.map(supplementDocId).concat(['-']))
      .execute();
    const choices = supplementItems(service);
    return {
      open: true,
      note: row.supplement_note,
      items: row.supplement_items.map((item) => {
        const file = files.find((f) => f.doc_id === supplementDocId(item));
        const choice = choices.find((c) => c.id === item);
        return {
          id: item,
          label: choice?.label ?? item,
          kind: choice?.kind ?? 'image',
          uploaded: !!file,
          ok: file?.check_ok ?? false,
          findings: file ? toUploadedDocument(file).findings : [],
        };
      }),
    };
  };

  const slotSchema = z.object({
    open: z.boolean(),
    note: z.string().nullable(),
    items: z.array(
      z.object({ id: z.string(), label: z.string(), kind: z.enum(['id_photo', 'image']), uploaded: z.boolean(), ok: z.boolean(), findings: z.array(findingSchema) }),
    ),
  });

  app.get(
    '/api/applications/:id/supplements',
    {
      schema: { tags: ['applications'], summary: 'The open 补充材料 slot: requested items, note, what is uploaded', params: idParams, response: { 200: slotSchema, ...errorResponses } },
    },
    async (request) => slotOf(await findOwnedApplication(db, request.params.id, citizenId(request))),
  );

  // ── 订单详情: the page's whole view of one order in one response ──

  const missions = new MissionDirectory(db, ctx.caches);
  app.get(
    '/api/applications/:id/order',
    {
      schema: {
        tags: ['applications'],
        summary: "订单详情 in one round: the application, its timeline, the mission's contact, and the open 补充材料 slot or video interview when the status asks for them",
        params: idParams,
        response: {
          200: z.object({
            application: applicationDetailSchema,
            timeline: timelineSchema,
            mission: orderMissionSchema.nullable(),
            supplements: slotSchema.nullable(),
            interview: citizenInterviewSchema.nullable(),
            appointments: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request): Promise<OrderView> => {
      const row = await findOwnedApplication(db, request.params.id, citizenId(request));
      const [application, timeline, mission, supplements, interview, appointments] = await Promise.all([
        loadDetail(ctx, row),
        timelineOf(row),
        missions.find(row.mission_id),
        row.status === 'supplement_requested' ? slotOf(row) : null,
        row.status === 'interview' ? citizenInterview(db, row) : null,
        applicableAppointmentRules(db, row, findApplicationService(row.service)),
      ]);
      const contact = mission && { id: mission.id, nameZh: mission.nameZh, addressZh: mission.addressZh, phone: mission.phone, hoursZh: mission.hoursZh };
      return { application, timeline, mission: contact, supplements, interview, appointments: appointments.map((rule) => APPOINTMENT_KIND_LABELS[rule.kind]) };
    },
  );

  await app.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser(RAW_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
    await uploads.register(fastifyMultipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024, fieldNameSize: 100, parts: 6, headerPairs: 100 },
    });
    uploads.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new ApiError(413, 'FILE_TOO_LARGE', serverMessages.documentTooLarge);
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', serverMessages.documentUnsupportedType);
      }
      throw error;
    });
    const itemParams = z.object({ id: z.string().max(64), item: z.string().max(64) });

    uploads.post(
      '/api/applications/:id/supplements/:item',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags: ['applications'],
          summary: 'Upload one requested supplement item (multipart `file` or raw image body, ≤ 5 MB)',
          params: itemParams,
          response: { 200: uploadedDocumentSchema, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
        },
      },
      async (request) => {
        const userId = citizenId(request);
        const { id, item } = request.params;
        const body = await readUpload(request);
        const application = await findOwnedApplication(db, id, userId);
        if (application.status !== 'supplement_requested') throw new ApiError(409, 'SUPPLEMENT_NOT_OPEN', reviewMessages.supplementNotOpen);
        if (!application.supplement_items.includes(item)) throw new ApiError(409, 'SUPPLEMENT_NOT_REQUESTED', reviewMessages.supplementNotRequested);
        const service = findApplicationService(application.service);
        const kind = service ? (supplementItems(service).find((c) => c.id === item)?.kind ?? 'image') : 'image';
        const prepared = await prepareUpload(kind, body, await missionPhotoSpec(db, application.mission_id));
        const docId = supplementDocId(item);
        const storageKey = newStorageKey();
        await putStaged(ctx, storageKey, ctx.fileCipher.seal(prepared.data, storageKey));
        let replacedKey: string | null = null;
        try {
          const row = await db.transaction().execute(async (tx) => {
            const locked = await findOwnedApplication(tx, id, userId, { forUpdate: true });
            if (locked.status !== 'supplement_requested' || !locked.supplement_items.includes(item)) {
              throw new ApiError(409, 'SUPPLEMENT_NOT_OPEN', reviewMessages.supplementNotOpen);
            }
            const saved = await upsertApplicationFile(tx, { applicationId: id, ownerUserId: userId, docId, kind, storageKey, prepared });
            replacedKey = saved.replacedKey;
            return saved.row;
          });
          // Released in the transaction: if this fails, the sweep deletes it; the upload stands.
          if (replacedKey) await deleteStaged(ctx, replacedKey).catch(() => undefined);
          return withAutoCrop(toUploadedDocument(row), prepared);
        } catch (error) {
          await deleteStaged(ctx, storageKey);
          throw error;
        }
      },
    );

    uploads.get(
      '/api/applications/:id/supplements/:item',
      { schema: { tags: ['applications'], summary: 'Download an uploaded supplement (owner only)', params: itemParams } },
      async (request, reply) => {
        const application = await findOwnedApplication(db, request.params.id, citizenId(request));
        const file = await readStoredFile(ctx, application.id, supplementDocId(request.params.item));
        return reply.type(file.mime).header('cache-control', 'private, no-store').send(file.data);
      },
    );
  });

  /** The citizen's own moves in the state machine: same shape, different action. */
  const citizenAction = (path: string, action: 'resubmit' | 'confirm_receipt', summary: string) =>
    app.post(
      path,
      {
        schema: {
          tags: ['applications'],
          summary,
          params: idParams,
          response: { 200: applicationDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        const userId = citizenId(request);
        const row = await db.transaction().execute(async (tx) => {
          const current = await findOwnedApplication(tx, request.params.id, userId);
          return (await applyTransition(tx, { applicationId: current.id, action, actor: { kind: 'citizen', id: userId } })).application;
        });
        return loadDetail(ctx, row);
      },
    );

  citizenAction(
    '/api/applications/:id/resubmit',
    'resubmit',
    'After uploading every requested supplement: back to 待审核 at the original queue place',
  );
  citizenAction('/api/applications/:id/confirm-receipt', 'confirm_receipt', 'The citizen received the mailed document (已寄出 → 已完成)');

  // ── 消息中心 ──

  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'My messages, newest first (keyset pages), with the unread count',
        querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(50).optional() }),
        response: { 200: z.object({ messages: z.array(messageSchema), nextCursor: z.string().nullable(), unread: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const limit = request.query.limit ?? 20;
      let query = db
        .selectFrom('messages')
        .select(['id', 'application_id', 'alert_id', 'passport_id', 'kind', 'title', 'body', 'status', 'created_at', 'read_at', sql<string>`created_at::text`.as('created_text')])
        .where('user_id', '=', userId);
      if (request.query.cursor) {
        const [createdAt, id] = readCursor(messageCursor, request.query.cursor);
        query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        messages: page.map(
          (m): CitizenMessage => ({
            id: m.id,
            applicationId: m.application_id,
            alertId: m.alert_id,
            passportId: m.passport_id,
            kind: m.kind,
            title: m.title,
            body: m.body,
            status: m.status as ApplicationStatus | null,
            createdAt: iso(m.created_at)!,
            read: m.read_at !== null,
          }),
        ),
        nextCursor: rows.length > limit && last ? messageCursor.encode([last.created_text, last.id]) : null,
        unread: await unreadCount(db, userId),
      };
    },
  );

  app.get(
    '/api/messages/unread-count',
    { schema: { tags: ['messages'], summary: 'Unread messages (the tab badge)', response: { 200: z.object({ unread: z.number() }), ...errorResponses } } },
    async (request) => ({ unread: await unreadCount(db, citizenId(request)) }),
  );

  app.post(
    '/api/messages/:id/read',
    {
      schema: { tags: ['messages'], summary: 'Mark one message read', params: idParams, response: { 200: z.object({ unread: z.number() }), ...errorResponses } },
    },
    async (request) => {
      const userId = citizenId(request);
      if (!UUID.test(request.params.id)) throw notFound(reviewMessages.messageNotFound);
      const found = await db
        .updateTable('messages')
        .set({ read_at: sql<Date>`coalesce(read_at, now())` })
        .where('id', '=', request.params.id)
        .where('user_id', '=', userId)
        .returning('id')
        .executeTakeFirst();
      if (!found) throw notFound(reviewMessages.messageNotFound);
      return { unread: await unreadCount(db, userId) };
    },
  );

  app.post(
    '/api/messages/read-all',
    { schema: { tags: ['messages'], summary: 'Mark every message read', response: { 200: z.object({ unread: z.number() }), ...errorResponses } } },
    async (request) => {
      const userId = citizenId(request);
      await db.updateTable('messages').set({ read_at: new Date() }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
      return { unread: 0 };
    },
  );

  // ── subscription messages ──

  app.get(
    '/api/subscriptions/templates',
    {
      schema: { tags: ['messages'], summary: 'Template ids to pass to wx.requestSubscribeMessage', response: { 200: z.object({ orderStatus: z.string(), safetyAlert: z.string(), documentExpiry: z.string() }), ...errorResponses } },
    },
    async () => subscriptionTemplates(options.config),
  );

  app.post(
    '/api/subscriptions',
    {
      schema: {
        tags: ['messages'],
        summary: 'Record the result of wx.requestSubscribeMessage: one message allowed per accepted template',
        body: z.object({ templateIds: z.array(z.string().max(128)).min(1).max(5), accepted: z.array(z.string().max(128)).max(5) }),
        response: { 200: z.object({ quota: z.record(z.string(), z.number()) }), ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const known = new Set(Object.values(subscriptionTemplates(options.config)));
      const { templateIds, accepted } = request.body;
      if (templateIds.some((t) => !known.has(t)) || accepted.some((t) => !templateIds.includes(t))) {
        throw validationFailed({ templateIds: reviewMessages.templateUnknown });
      }
      for (const templateId of new Set(accepted)) {
        await db
          .insertInto('subscription_quota')
          .values({ user_id: userId, template_id: templateId, remaining: 1, updated_at: new Date() })
          // WeChat keeps accumulating one-time grants; capped so a loop cannot inflate it.
          .onConflict((oc) => oc.columns(['user_id', 'template_id']).doUpdateSet({ remaining: sql`least(subscription_quota.remaining + 1, 50)`, updated_at: new Date() }))
          .execute();
      }
      const rows = await db.selectFrom('subscription_quota').select(['template_id', 'remaining']).where('user_id', '=', userId).execute();
      return { quota: Object.fromEntries(rows.map((r) => [r.template_id, r.remaining])) };
    },
  );
};
