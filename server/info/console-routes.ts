import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import type { Database, TravelAlertTable } from '../db/schema';
import { forbidden, notFound, unauthenticated, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import { serverMessages } from '../messages';
import { findMission } from '../missions/mission-repository';
import type { SessionStore } from '../security/session-store';
import { requireStaff, SignedInStaff } from '../staff/authenticate';
import { toStaffAlert } from './alerts-repository';
import { loadGuide } from './guides-repository';
import { infoStaffMessages as m } from './info-messages';
import { listMissionNews, nowMs, toStaffArticle } from './news-repository';
import {
  alertLevelSchema,
  blocksInputSchema,
  countryCodeSchema,
  destinationGuideSchema,
  saveGuideSchema,
  staffNewsArticleSchema,
  staffTravelAlertSchema,
  timestampSchema,
} from './schemas';

const MAX_BODY_JSON = 200_000;

/**
 * Console: news per mission, alerts and guides per country. Everyone signed in may read
 * their mission's items; supervisors and admins write. A staff member only ever sees or
 * changes their own mission's news (another mission's article is 404) and their mission
 * country's alerts and guide (403).
 */
export interface InfoConsoleOptions extends AppDeps {
  staffSessions: SessionStore;
  /** Called in the publishing transaction (registration: reach the registrants in the alert's area). */
  onAlertPublished?: (tx: Kysely<Database>, alert: Selectable<TravelAlertTable>) => Promise<void>;
}

export const infoConsoleRoutes: FastifyPluginAsyncZod<InfoConsoleOptions> = async (app, deps) => {
  const canRead = requireStaff(deps.db, deps.staffSessions, 'reviewer');
  const canWrite = requireStaff(deps.db, deps.staffSessions, 'supervisor');

  const staffOf = (request: { staff?: SignedInStaff }) => {
    if (!request.staff) throw unauthenticated();
    return request.staff;
  };
  const missionCountry = async (staff: SignedInStaff) => {
    const mission = await findMission(deps.db, staff.missionId);
    if (!mission) throw unauthenticated();
    return mission.countryCode;
  };
  const audit = (staff: SignedInStaff, action: string, subject: string, detail: Record<string, unknown> = {}) =>
    recordAudit(deps.db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action, subject, detail });

  // ── news ──────────────────────────────────────────────────────────────────

  const articleBody = z.object({
    title: z.string().max(200),
    body: blocksInputSchema,
    pinned: z.boolean().optional(),
  });
  const checkArticle = (input: z.infer<typeof articleBody>) => {
    const fields: Record<string, string> = {};
    const title = input.title.trim();
    if (!title) fields.title = m.titleRequired;
    if (input.body.length === 0) fields.body = m.bodyRequired;
    else if (JSON.stringify(input.body).length > MAX_BODY_JSON) fields.body = m.bodyTooLarge;
    if (Object.keys(fields).length > 0) throw validationFailed(fields);
    return { title, body: JSON.stringify(input.body) };
  };

  /** The article if it belongs to the staff member's mission; 404 otherwise, so other missions' drafts stay unseen. */
  const ownArticle = async (staff: SignedInStaff, id: string) => {
    const row = await deps.db.selectFrom('news_articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.mission_id !== staff.missionId) throw notFound(serverMessages.newsNotFound);
    return row;
  };
  const reload = async (id: string) =>
    toStaffArticle(await deps.db.selectFrom('news_articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

  const idParams = z.object({ id: z.uuid() });
  const articleResponses = { 200: staffNewsArticleSchema, ...errorResponses };

  app.get(
    '/api/console/info/news',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'This mission’s articles in every state, newest written first',
        querystring: z.object({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
        response: { 200: z.object({ items: z.array(staffNewsArticleSchema), nextCursor: z.string().nullable() }), ...errorResponses },
      },
      onRequest: canRead,
    },
    async (request) => listMissionNews(deps.db, staffOf(request).missionId, request.query),
  );

  app.get(
    '/api/console/info/news/:id',
    { schema: { tags: ['console', 'info'], params: idParams, response: articleResponses }, onRequest: canRead },
    async (request) => toStaffArticle(await ownArticle(staffOf(request), request.params.id)),
  );

  app.post(
    '/api/console/info/news',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'Write a draft article for this mission',
        body: articleBody,
        response: { 201: staffNewsArticleSchema, ...errorResponses },
      },
      onRequest: canWrite,
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { title, body } = checkArticle(request.body);
      const created = await deps.db
        .insertInto('news_articles')
        .values({
          mission_id: staff.missionId,
          title,
          body,
          pinned: request.body.pinned ?? false,
          created_by: staff.staffId,
          updated_by: staff.staffId,
          created_at: nowMs,
          updated_at: nowMs,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(staff, 'news.create', created.id, { title });
      return reply.status(201).send(await reload(created.id));
    },
  );

  app.put(
    '/api/console/info/news/:id',
    {
      schema: { tags: ['console', 'info'], summary: 'Edit an article (published ones change in place)', params: idParams, body: articleBody, response: articleResponses },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = staffOf(request);
      await ownArticle(staff, request.params.id);
      const { title, body } = checkArticle(request.body);
      await deps.db
        .updateTable('news_articles')
        .set({
          title,
          body,
          ...(request.body.pinned === undefined ? {} : { pinned: request.body.pinned }),
          updated_by: staff.staffId,
          updated_at: nowMs,
        })
        .where('id', '=', request.params.id)
        .execute();
      await audit(staff, 'news.update', request.params.id, { title });
      return reload(request.params.id);
    },
  );

  app.post(
    '/api/console/info/news/:id/publish',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'Publish now, or at `publishAt` (scheduled: invisible to citizens until then)',
        params: idParams,
        body: z.object({ publishAt: timestampSchema.optional() }).nullish(),
        response: articleResponses,
      },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = staffOf(request);
      await ownArticle(staff, request.params.id);
      const publishAt = request.body?.publishAt;
      // Whole milliseconds, like every other time the keyset cursor compares.
      const at = publishAt ? new Date(publishAt) : nowMs;
      await deps.db
        .updateTable('news_articles')
        .set({ published_at: at, updated_by: staff.staffId, updated_at: nowMs })
        .where('id', '=', request.params.id)
        .execute();
      await audit(staff, 'news.publish', request.params.id, { publishAt: publishAt ?? 'now' });
      return reload(request.params.id);
    },
  );

  app.post(
    '/api/console/info/news/:id/unpublish',
    {
      schema: { tags: ['console', 'info'], summary: 'Back to draft: citizens no longer see it', params: idParams, response: articleResponses },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = staffOf(request);
      await ownArticle(staff, request.params.id);
      await deps.db
        .updateTable('news_articles')
        .set({ published_at: null, updated_by: staff.staffId, updated_at: nowMs })
        .where('id', '=', request.params.id)
        .execute();
      await audit(staff, 'news.unpublish', request.params.id);
      return reload(request.params.id);
    },
  );

  app.post(
    '/api/console/info/news/:id/pin',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'Pin to the top of the list, or unpin',
        params: idParams,
        body: z.object({ pinned: z.boolean() }),
        response: articleResponses,
      },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = staffOf(request);
      await ownArticle(staff, request.params.id);
      await deps.db
        .updateTable('news_articles')
        .set({ pinned: request.body.pinned, updated_by: staff.staffId, updated_at: nowMs })
        .where('id', '=', request.params.id)
        .execute();
      await audit(staff, request.body.pinned ? 'news.pin' : 'news.unpin', request.params.id);
      return reload(request.params.id);
    },
  );

  // ── travel-safety alerts ──────────────────────────────────────────────────

  app.get(
    '/api/console/info/alerts',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'Alerts for this mission’s country: scheduled, active and ended, newest first',
        response: { 200: z.object({ alerts: z.array(staffTravelAlertSchema) }), ...errorResponses },
      },
      onRequest: canRead,
    },
    async (request) => {
      const country = await missionCountry(staffOf(request));
      const rows = await deps.db
        .selectFrom('travel_alerts')
        .selectAll()
        .where('country_code', '=', country)
        .orderBy('effective_from', 'desc')
        .limit(200)
        .execute();
      return { alerts: rows.map(toStaffAlert) };
    },
  );

  app.post(
    '/api/console/info/alerts',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'Issue a travel-safety alert for this mission’s country',
        body: z.object({
          level: alertLevelSchema,
          title: z.string().max(200),
          body: z.string().max(20_000),
          countryCode: countryCodeSchema.optional(),
          /** Only registrants in this region (a district name of the country's missions) and/or city. */
          region: z.string().max(100).optional(),
          city: z.string().max(100).optional(),
          effectiveFrom: timestampSchema.optional(),
          effectiveUntil: timestampSchema.nullable().optional(),
        }),
        response: { 201: staffTravelAlertSchema, ...errorResponses },
      },
      onRequest: canWrite,
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const country = await missionCountry(staff);
      const input = request.body;
      if (input.countryCode && input.countryCode !== country) throw forbidden();
      const fields: Record<string, string> = {};
      const title = input.title.trim();
      const body = input.body.trim();
      if (!title) fields.title = m.titleRequired;
      if (!body) fields.body = m.bodyRequired;
      const from = input.effectiveFrom ? new Date(input.effectiveFrom) : new Date();
      const until = input.effectiveUntil ? new Date(input.effectiveUntil) : null;
      if (until && until <= from) fields.effectiveUntil = m.untilBeforeFrom;
      if (Object.keys(fields).length > 0) throw validationFailed(fields);
      const created = await deps.db.transaction().execute(async (tx) => {
        const alert = await tx
          .insertInto('travel_alerts')
          .values({
            country_code: country,
            level: input.level,
            title,
            body,
            effective_from: from,
            effective_until: until,
            region: input.region?.trim() || null,
            city: input.city?.trim() || null,
            mission_id: staff.missionId,
            created_by: staff.staffId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await deps.onAlertPublished?.(tx, alert);
        return alert;
      });
      await audit(staff, 'alert.create', created.id, { country, level: input.level, title });
      return reply.status(201).send(toStaffAlert(created));
    },
  );

  app.post(
    '/api/console/info/alerts/:id/end',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'End an alert now (a scheduled one never starts)',
        params: idParams,
        response: { 200: staffTravelAlertSchema, ...errorResponses },
      },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = staffOf(request);
      const country = await missionCountry(staff);
      const row = await deps.db.selectFrom('travel_alerts').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!row || row.country_code !== country) throw notFound(serverMessages.alertNotFound);
      const ended = await deps.db
        .updateTable('travel_alerts')
        .set((eb) => ({
          effective_until: eb.fn<Date>('greatest', [eb.fn<Date>('now'), eb.ref('effective_from')]),
          ended_by: staff.staffId,
        }))
        .where('id', '=', row.id)
        // Already over: leave its end as it was.
        .where((eb) => eb.or([eb('effective_until', 'is', null), eb('effective_until', '>', eb.fn<Date>('now'))]))
        .returningAll()
        .executeTakeFirst();
      if (ended) await audit(staff, 'alert.end', row.id, { country });
      return toStaffAlert(ended ?? row);
    },
  );

  // ── destination guides ────────────────────────────────────────────────────

  app.put(
    '/api/console/info/guides/:countryCode',
    {
      schema: {
        tags: ['console', 'info'],
        summary: 'Replace the destination guide of this mission’s country (omitted sections become empty)',
        params: z.object({ countryCode: countryCodeSchema }),
        body: saveGuideSchema,
        response: { 200: destinationGuideSchema, ...errorResponses },
      },
      onRequest: canWrite,
    },
    async (request) => {
      const staff = staffOf(request);
      const country = await missionCountry(staff);
      if (request.params.countryCode !== country) throw forbidden();
      const sections = JSON.stringify(request.body.sections);
      if (sections.length > MAX_BODY_JSON * 3) throw validationFailed({ sections: m.bodyTooLarge });
      const emergencyNumbers = JSON.stringify(request.body.emergencyNumbers);
      await deps.db
        .insertInto('destination_guides')
        .values({ country_code: country, sections, emergency_numbers: emergencyNumbers, updated_by: staff.staffId, updated_at: new Date() })
        .onConflict((oc) =>
          oc.column('country_code').doUpdateSet({ sections, emergency_numbers: emergencyNumbers, updated_by: staff.staffId, updated_at: new Date() }),
        )
        .execute();
      await audit(staff, 'guide.update', country);
      return (await loadGuide(deps.db, country))!;
    },
  );
};
