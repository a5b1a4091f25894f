import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPOINTMENT_KIND_LABELS } from '../../contracts/appointments';
import { applicableAppointmentRules } from '../workflow/appointment-gate';
import type { OrderView, SupplementSlot, Timeline, TimelineEntry } from '../../miniprogram/domain/order-api-types';
import { type ApplicationStatus, statusLabel } from '../../miniprogram/domain/services/application-status';
import { actionLabel, nextStepHint, type OrderAction } from '../../miniprogram/domain/services/order-state-machine';
import { findApplicationService } from '../../miniprogram/domain/services/service-registry';
import { requireCitizen, citizenId } from '../citizen-auth/authenticate';
import { buildApplicationsContext, type ApplicationsOptions } from '../applications/application-context';
import { type ApplicationRow, findOwnedApplication, loadDetail, serviceInReaderLanguage, toUploadedDocument } from '../applications/application-view';
import { applicationDetailSchema, uploadedDocumentSchema } from '../applications/application-schemas';
import { acceptUploads, MAX_UPLOAD_BYTES, prepareUpload, readUpload, replaceApplicationFile } from '../applications/document-routes';
import { readStoredFile } from '../applications/stored-files';
import { ApiError } from '../http/api-error';
import { errorResponses, missionSchema } from '../http/schemas';
import { interviewHint } from '../workflow/interview-labels';
import { citizenInterviewSchema } from '../interviews/interview-schemas';
import { citizenInterview } from '../interviews/interview-view';
import { MissionDirectory } from '../missions/mission-directory';
import { missionPhotoSpec } from '../photo/mission-photo-spec';
import { queueEstimate } from './queue-estimate';
import { reviewMessages } from '../workflow/review-messages';
import { supplementDocId, supplementItems } from '../workflow/supplements';
import { applyTransition } from '../workflow/transitions';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

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
const orderMissionSchema = missionSchema.pick({ id: true, nameZh: true, addressZh: true, phone: true, hoursZh: true });
const findingSchema = z.object({ code: z.string(), message: z.string(), severity: z.enum(['error', 'advice']) });

/** The citizen's side of the review workflow: timeline, supplements (消息中心 and subscriptions: server/message-center). */
export const reviewCitizenRoutes: FastifyPluginAsyncZod<ApplicationsOptions> = async (root, options) => {
  const ctx = buildApplicationsContext(options);
  const { db } = ctx;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireCitizen(ctx.sessions));

  /** The order's timeline and what to do next (the 订单详情 page and 预约面审 read it). */
  const timelineOf = async (row: ApplicationRow): Promise<Timeline> => {
    const service = serviceInReaderLanguage(row);
    const history = await db.selectFrom('application_history').selectAll().where('application_id', '=', row.id).orderBy('id').execute();
    const entries = history.map((h): TimelineEntry => {
      const data = (h.data ?? {}) as { items?: string[]; trackingNo?: string };
      const entry: TimelineEntry = {
        at: iso(h.at)!,
        action: h.action as OrderAction | 'note',
        actionLabel: h.action === 'note' ? reviewMessages.missionNote : actionLabel(h.action, service),
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
    const service = serviceInReaderLanguage(row);
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
    await acceptUploads(uploads);
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
        return replaceApplicationFile(ctx, {
          applicationId: id,
          userId,
          docId: supplementDocId(item),
          kind,
          prepared,
          recheck: async (tx) => {
            const locked = await findOwnedApplication(tx, id, userId, { forUpdate: true });
            if (locked.status !== 'supplement_requested' || !locked.supplement_items.includes(item)) {
              throw new ApiError(409, 'SUPPLEMENT_NOT_OPEN', reviewMessages.supplementNotOpen);
            }
          },
        });
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
};
