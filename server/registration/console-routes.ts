import crypto from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { HOTLINE } from '../../miniprogram/domain/hotline';
import { purposeLabels } from '../../miniprogram/domain/registration';
import { registrationStatusLabels } from '../../contracts/registration';
import { registrationMessages as rm } from '../../miniprogram/domain/registration-messages';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { notFound, unauthenticated, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { requireStaff, type SignedInStaff } from '../staff/authenticate';
import { emergencyCsv } from './emergency-export';
import { openDetails, type RegistrationRow, selectRegistrations } from './registration-records';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const purpose = z.enum(['student', 'worker', 'resident', 'visitor']);
const status = z.enum(['active', 'ended', 'deregistered']);

const staffRegistrantSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  region: z.string(),
  city: z.string(),
  purpose,
  purposeLabel: z.string(),
  status,
  statusLabel: z.string(),
  arrivalDate: z.string(),
  departureDate: z.string().nullable(),
  certificateCode: z.string(),
  createdAt: z.string(),
});

const areaFilter = z.object({
  region: z.string().max(200).optional(),
  city: z.string().max(200).optional(),
});

/** The search box: a certificate code (or the QR text), the last four of an ID number, or a name. */
function searchTerm(q: string) {
  const trimmed = q.trim();
  const code = trimmed.toUpperCase().replace(/^CNREG:/, '');
  if (/^CR[0-9A-Z]{12}$/.test(code)) return { kind: 'code' as const, value: code };
  if (/^[0-9Xx]{4}$/.test(trimmed) || /^[A-Za-z0-9]{4}$/.test(trimmed)) return { kind: 'tail' as const, value: trimmed.toUpperCase() };
  return { kind: 'name' as const, value: trimmed };
}

const toStaffRegistrant = (row: RegistrationRow) => ({
  id: row.id,
  name: row.name,
  relation: row.relation,
  idNumberMasked: row.id_number_masked,
  phoneMasked: row.phone_masked,
  region: row.region,
  city: row.city,
  purpose: row.purpose,
  purposeLabel: purposeLabels[row.purpose],
  status: row.status,
  statusLabel: registrationStatusLabels[row.status],
  arrivalDate: row.arrival_date,
  departureDate: row.departure_date,
  certificateCode: row.certificate_code,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Console: the mission's registrants (by region / city, purpose, status; masked search),
 * dashboard counts, a registrant's details, the supervisors' emergency export, and per
 * safety alert its delivery counts and the live list of answers. Only the staff member's
 * own mission: another mission's registrant or alert is 404. Every view of personal data
 * is audited.
 */
export const registrationConsoleRoutes: FastifyPluginAsyncZod<AppDeps & { staffSessions: SessionStore }> = async (app, deps) => {
  const { db, pii } = deps;
  const canRead = requireStaff(db, deps.staffSessions, 'reviewer');
  const canExport = requireStaff(db, deps.staffSessions, 'supervisor');
  const staffOf = (request: { staff?: SignedInStaff }) => {
    if (!request.staff) throw unauthenticated();
    return request.staff;
  };
  const audit = (staff: SignedInStaff, action: string, subject: string | null, detail: Record<string, unknown> = {}) =>
    recordAudit(db, { actorKind: 'staff', actorId: staff.staffId, missionId: staff.missionId, action, subject, detail });

  app.get(
    '/api/console/registrations',
    {
      schema: {
        tags: ['console', 'registration'],
        summary: 'Registrants of this mission, newest first, filtered; identity numbers and phones masked',
        querystring: areaFilter.extend({
          status: status.optional(),
          purpose: purpose.optional(),
          q: z.string().max(100).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ items: z.array(staffRegistrantSchema), total: z.number() }), ...errorResponses },
      },
      onRequest: canRead,
    },
    async (request) => {
      const staff = staffOf(request);
      const { region, city, status: wanted, purpose: why, q, page, pageSize } = request.query;
      let query = selectRegistrations(db).where('r.mission_id', '=', staff.missionId);
      if (region) query = query.where('r.region', '=', region);
      if (city) query = query.where(sql<boolean>`lower(r.city) = lower(${city})`);
      if (wanted) query = query.where('r.status', '=', wanted);
      if (why) query = query.where('r.purpose', '=', why);
      if (q?.trim()) {
        const term = searchTerm(q);
        if (term.kind === 'code') query = query.where('r.certificate_code', '=', term.value);
        else if (term.kind === 'tail') query = query.where((eb) => eb.or([eb('r.id_number_tail', '=', term.value), eb('r.name', 'ilike', `%${term.value}%`)]));
        else query = query.where('r.name', 'ilike', `%${term.value.replace(/[%_\\]/g, '\\$&')}%`);
      }
      const [rows, count] = await Promise.all([
        query.orderBy('r.created_at', 'desc').orderBy('r.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
        query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      await audit(staff, 'registration.list', null, { region, city, status: wanted, purpose: why, q: q ? q.trim().slice(0, 20) : undefined, shown: rows.length });
      return { items: rows.map(toStaffRegistrant), total: Number(count.n) };
    },
  );

  app.get(
    '/api/console/registrations/stats',
    {
      schema: {
        tags: ['console', 'registration'],
        summary: 'Dashboard counts: active registrants by purpose and region, and by status',
        response: {
          200: z.object({
            byStatus: z.record(z.string(), z.number()),
            byPurpose: z.record(z.string(), z.number()),
            byRegion: z.array(z.object({ region: z.string(), count: z.number() })),
            needHelp: z.number(),
          }),
          ...errorResponses,
        },
      },
      onRequest: canRead,
    },
    async (request) => {
      const { missionId } = staffOf(request);
      const base = db.selectFrom('registrations').where('mission_id', '=', missionId);
      const [statuses, purposes, regions, help] = await Promise.all([
        base.select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute(),
        base.select(['purpose', (eb) => eb.fn.countAll<string>().as('n')]).where('status', '=', 'active').groupBy('purpose').execute(),
        base.select(['region', (eb) => eb.fn.countAll<string>().as('n')]).where('status', '=', 'active').groupBy('region').orderBy('n', 'desc').limit(50).execute(),
        db
          .selectFrom('alert_deliveries as d')
          .innerJoin('registrations as r', 'r.id', 'd.registration_id')
          .innerJoin('travel_alerts as a', 'a.id', 'd.alert_id')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('r.mission_id', '=', missionId)
          .where('d.answer', '=', 'help')
          .where((eb) => eb.or([eb('a.effective_until', 'is', null), eb('a.effective_until', '>', sql<Date>`now()`)]))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        byStatus: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
        byPurpose: Object.fromEntries(purposes.map((p) => [p.purpose, Number(p.n)])),
        byRegion: regions.map((r) => ({ region: r.region, count: Number(r.n) })),
        needHelp: Number(help.n),
      };
    },
  );

  app.get(
    '/api/console/registrations/:id',
    {
      schema: {
        tags: ['console', 'registration'],
        summary: 'One registrant with contacts and address (audited)',
        params: z.object({ id: z.string().max(64) }),
        response: {
          200: staffRegistrantSchema.extend({
            email: z.string().nullable(),
            phone: z.string(),
            address: z.string(),
            chinaContact: z.string(),
            abroadContact: z.string().nullable(),
            notes: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
      onRequest: canRead,
    },
    async (request) => {
      const staff = staffOf(request);
      const row = UUID.test(request.params.id)
        ? await selectRegistrations(db).where('r.id', '=', request.params.id).where('r.mission_id', '=', staff.missionId).executeTakeFirst()
        : undefined;
      if (!row) throw notFound(rm.registrationNotFound);
      const d = openDetails(pii, row.details_enc);
      await audit(staff, 'registration.view', row.id);
      return {
        ...toStaffRegistrant(row),
        phone: d.phone,
        email: d.email ?? null,
        address: d.address,
        chinaContact: `${d.chinaContactName} ${d.chinaContactPhone}`,
        abroadContact: d.abroadContactName ? `${d.abroadContactName} ${d.abroadContactPhone ?? ''}`.trim() : null,
        notes: d.notes ?? null,
      };
    },
  );

  app.post(
    '/api/console/registrations/export',
    {
      schema: {
        tags: ['console', 'registration'],
        summary: 'Emergency export (supervisors): CSV of active registrants’ contacts in an area, with a reason; audited and watermarked',
        body: areaFilter.extend({ reason: z.string().max(500) }),
        response: { 200: z.string(), ...errorResponses },
      },
      onRequest: canExport,
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const reason = request.body.reason.trim();
      if (reason.length < 4) throw validationFailed({ reason: rm.exportReasonRequired });
      const { region, city } = request.body;
      let query = selectRegistrations(db).where('r.mission_id', '=', staff.missionId).where('r.status', '=', 'active');
      if (region) query = query.where('r.region', '=', region);
      if (city) query = query.where(sql<boolean>`lower(r.city) = lower(${city})`);
      const rows = await query.orderBy('r.region').orderBy('r.city').orderBy('r.name').execute();
      const who = await db.selectFrom('staff').select(['username', 'display_name']).where('id', '=', staff.staffId).executeTakeFirstOrThrow();
      const exportId = crypto.randomBytes(6).toString('hex');
      const at = new Date();
      await audit(staff, 'registration.emergency_export', exportId, { reason, region, city, rows: rows.length });
      const csv = emergencyCsv(pii, rows, { staffName: who.display_name, username: who.username, missionId: staff.missionId, at, reason, exportId });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="registrants-${staff.missionId}-${exportId}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  // ── per alert: delivery counts and the live list of answers ──

  const ownAlert = async (staff: SignedInStaff, id: string) => {
    const alert = UUID.test(id)
      ? await db.selectFrom('travel_alerts').select(['id', 'title', 'mission_id', 'region', 'city', 'country_code']).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (!alert || alert.mission_id !== staff.missionId) throw notFound(rm.answerNotFound);
    return alert;
  };

  app.get(
    '/api/console/registrations/alerts/:alertId',
    {
      schema: {
        tags: ['console', 'registration'],
        summary: 'A safety alert’s reach: people, messages, subscription messages (sent / no quota / failed / pending), answers',
        params: z.object({ alertId: z.string().max(64) }),
        response: {
          200: z.object({
            alertId: z.string(),
            title: z.string(),
            area: z.object({ countryCode: z.string(), region: z.string().nullable(), city: z.string().nullable() }),
            people: z.number(),
            messages: z.number(),
            subscription: z.object({ sent: z.number(), noQuota: z.number(), failed: z.number(), pending: z.number() }),
            answers: z.object({ safe: z.number(), help: z.number(), none: z.number() }),
          }),
          ...errorResponses,
        },
      },
      onRequest: canRead,
    },
    async (request) => {
      const alert = await ownAlert(staffOf(request), request.params.alertId);
      const [notifications, answers, accounts] = await Promise.all([
        db.selectFrom('alert_notifications').select(['subscription', (eb) => eb.fn.countAll<string>().as('n')]).where('alert_id', '=', alert.id).groupBy('subscription').execute(),
        db.selectFrom('alert_deliveries').select(['answer', (eb) => eb.fn.countAll<string>().as('n')]).where('alert_id', '=', alert.id).groupBy('answer').execute(),
        // One 消息中心 message per account reached.
        db.selectFrom('alert_deliveries').select((eb) => eb.fn.count<string>('user_id').distinct().as('n')).where('alert_id', '=', alert.id).executeTakeFirstOrThrow(),
      ]);
      const sub = (kind: string) => Number(notifications.find((n) => n.subscription === kind)?.n ?? 0);
      const ans = (kind: string | null) => Number(answers.find((a) => a.answer === kind)?.n ?? 0);
      const messages = Number(accounts.n);
      return {
        alertId: alert.id,
        title: alert.title,
        area: { countryCode: alert.country_code.trim(), region: alert.region, city: alert.city },
        people: answers.reduce((sum, a) => sum + Number(a.n), 0),
        messages,
        // Accounts without quota at fan-out have no notification row (the job records no_quota for quota gone by send time).
        subscription: { sent: sub('sent'), noQuota: messages - sub('sent') - sub('failed') - sub('pending'), failed: sub('failed'), pending: sub('pending') },
        answers: { safe: ans('safe'), help: ans('help'), none: ans(null) },
      };
    },
  );

  app.get(
    '/api/console/registrations/alerts/:alertId/answers',
    {
      schema: {
        tags: ['console', 'registration'],
        summary: 'Answers to a safety alert, “需要帮助” first, newest first (the console polls it); audited',
        params: z.object({ alertId: z.string().max(64) }),
        querystring: z.object({ answer: z.enum(['safe', 'help']).optional() }),
        response: {
          200: z.object({
            hotline: z.string(),
            items: z.array(
              z.object({
                registrationId: z.string(),
                name: z.string(),
                phone: z.string(),
                region: z.string(),
                city: z.string(),
                answer: z.enum(['safe', 'help']),
                note: z.string().nullable(),
                answeredAt: z.string(),
                /** For 需要帮助: remind staff to call, and to tell them about 12308. */
                reminder: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
      onRequest: canRead,
    },
    async (request) => {
      const staff = staffOf(request);
      const alert = await ownAlert(staff, request.params.alertId);
      let query = db
        .selectFrom('alert_deliveries as d')
        .innerJoin('registrations as r', 'r.id', 'd.registration_id')
        .select(['d.registration_id', 'r.name', 'r.details_enc', 'r.region', 'r.city', 'd.answer', 'd.answer_note', 'd.answered_at'])
        .where('d.alert_id', '=', alert.id)
        .where('d.answered_at', 'is not', null);
      if (request.query.answer) query = query.where('d.answer', '=', request.query.answer);
      const rows = await query.orderBy(sql`d.answer = 'help'`, 'desc').orderBy('d.answered_at', 'desc').limit(500).execute();
      await audit(staff, 'alert.answers.view', alert.id, { shown: rows.length });
      return {
        hotline: HOTLINE.primary,
        items: rows.map((row) => ({
          registrationId: row.registration_id,
          name: row.name,
          // Staff must be able to call someone who needs help.
          phone: openDetails(pii, row.details_enc).phone,
          region: row.region,
          city: row.city,
          answer: row.answer!,
          note: row.answer_note,
          answeredAt: new Date(row.answered_at!).toISOString(),
          reminder: row.answer === 'help' ? rm.helpReminder(HOTLINE.primary) : null,
        })),
      };
    },
  );
};
