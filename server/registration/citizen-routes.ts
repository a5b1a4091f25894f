import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { alertLevelLabels } from '../../miniprogram/domain/alert-levels';
import { certificateQrText, type RegistrationInput, validateRegistrationInput } from '../../miniprogram/domain/registration';
import { registrationMessages as rm } from '../../miniprogram/domain/registration-messages';
import type { AppDeps } from '../app-deps';
import { recordAudit } from '../audit/audit-log';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import { isUniqueViolation } from '../db/errors';
import { ApiError, notFound, validationFailed } from '../http/api-error';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { missionForArea } from './mission-for-area';
import { newCertificateCode, type RegistrationRow, sealedColumns, selectRegistrations, toDetail, toSummary } from './registration-records';
import {
  alertAnswerBody,
  registrationAlertViewSchema,
  registrationBody,
  registrationCertificateSchema,
  registrationDetailSchema,
  registrationSummarySchema,
} from './registration-schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParams = z.object({ id: z.string().max(64) });
const notRegistered = () => notFound(rm.registrationNotFound);

export interface RegistrationCitizenOptions extends AppDeps {
  sessions: SessionStore;
  /** The clock (tests move it to check dates and the yearly prompt). */
  now?: () => Date;
}

/**
 * The citizen's registrations: register oneself or family (a verified account only), read,
 * update, confirm, deregister, the certificate, export of one's own records, and the
 * answer to a safety alert. Another account's registration is 404, like a missing one.
 */
export const registrationCitizenRoutes: FastifyPluginAsyncZod<RegistrationCitizenOptions> = async (app, deps) => {
  const { db, pii } = deps;
  const now = deps.now ?? (() => new Date());
  app.addHook('preHandler', requireCitizen(deps.sessions));

  const ownRegistration = async (userId: string, id: string): Promise<RegistrationRow> => {
    if (!UUID.test(id)) throw notRegistered();
    const row = await selectRegistrations(db).where('r.id', '=', id).where('r.user_id', '=', userId).executeTakeFirst();
    if (!row) throw notRegistered();
    return row;
  };

  /** Validates with the shared validator, then matches the area to a mission. */
  const checkForm = async (body: Record<string, unknown>) => {
    const checked = validateRegistrationInput(body as Partial<Record<keyof RegistrationInput, unknown>>, now());
    if (!checked.ok) throw validationFailed(checked.errors as Record<string, string>);
    const match = await missionForArea(db, checked.value);
    if (!match.ok) throw validationFailed({ [match.field]: match.field === 'countryCode' ? rm.countryUnsupported : rm.regionUnknown });
    return { input: checked.value, mission: match.mission };
  };

  const duplicate = (input: RegistrationInput) =>
    new ApiError(409, 'ALREADY_REGISTERED', input.relation === 'self' ? rm.selfAlreadyRegistered : rm.alreadyRegistered);

  app.get(
    '/api/registrations',
    {
      schema: {
        tags: ['registration'],
        summary: 'My registrations (myself and family), newest first',
        response: { 200: z.object({ registrations: z.array(registrationSummarySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await selectRegistrations(db).where('r.user_id', '=', citizenId(request)).orderBy('r.created_at', 'desc').execute();
      const at = now().getTime();
      return { registrations: rows.map((row) => toSummary(row, at)) };
    },
  );

  app.post(
    '/api/registrations',
    {
      schema: {
        tags: ['registration'],
        summary: 'Register myself or a family member (验证过的账号)',
        // Loose on purpose: the shared domain validator gives the field messages.
        body: registrationBody,
        response: { 201: registrationDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const userId = citizenId(request);
      const identity = await db.selectFrom('identities').select('user_id').where('user_id', '=', userId).executeTakeFirst();
      if (!identity) throw new ApiError(403, 'IDENTITY_REQUIRED', rm.identityRequired);
      const { input, mission } = await checkForm(request.body);
      let id: string;
      try {
        id = await db.transaction().execute(async (tx) => {
          const created = await tx
            .insertInto('registrations')
            .values({ user_id: userId, ...sealedColumns(pii, input, mission.id), certificate_code: newCertificateCode(), confirmed_at: now(), updated_at: now() })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(tx, { actorKind: 'citizen', actorId: userId, missionId: mission.id, action: 'registration.create', subject: created.id, detail: { relation: input.relation } });
          return created.id;
        });
      } catch (error) {
        // Each person once per account, one "self": the partial unique indexes decide, races included.
        if (isUniqueViolation(error)) throw duplicate(input);
        throw error;
      }
      return reply.status(201).send(toDetail(pii, await ownRegistration(userId, id), false, now().getTime()));
    },
  );

  app.get(
    '/api/registrations/export',
    {
      schema: {
        tags: ['registration'],
        summary: 'Everything stored about my registrations, identity numbers included (个人信息导出)',
        response: { 200: z.object({ exportedAt: z.string(), registrations: z.array(registrationDetailSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const rows = await selectRegistrations(db).where('r.user_id', '=', userId).orderBy('r.created_at').execute();
      await recordAudit(db, { actorKind: 'citizen', actorId: userId, action: 'registration.export', subject: userId, detail: { count: rows.length } });
      const at = now();
      return { exportedAt: at.toISOString(), registrations: rows.map((row) => toDetail(pii, row, true, at.getTime())) };
    },
  );

  app.get(
    '/api/registrations/:id',
    { schema: { tags: ['registration'], summary: 'One of my registrations', params: idParams, response: { 200: registrationDetailSchema, ...errorResponses } } },
    async (request) => toDetail(pii, await ownRegistration(citizenId(request), request.params.id), false, now().getTime()),
  );

  app.put(
    '/api/registrations/:id',
    {
      schema: {
        tags: ['registration'],
        summary: '更新登记: replace the form (counts as this year’s confirmation)',
        params: idParams,
        body: registrationBody,
        response: { 200: registrationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const row = await ownRegistration(userId, request.params.id);
      if (row.status !== 'active') throw new ApiError(409, 'REGISTRATION_NOT_ACTIVE', rm.registrationNotActive);
      // The phone only has the masked number: absent (or sent back masked) keeps the stored identity.
      const body = { ...request.body };
      if (!body.idNumber || body.idNumber === row.id_number_masked) {
        body.idType = row.id_type;
        body.idNumber = pii.decrypt(row.id_number_enc);
      }
      const { input, mission } = await checkForm(body);
      try {
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('registrations')
            .set({ ...sealedColumns(pii, input, mission.id), updated_at: now(), confirmed_at: now() })
            .where('id', '=', row.id)
            .where('status', '=', 'active')
            .execute();
          await recordAudit(tx, { actorKind: 'citizen', actorId: userId, missionId: mission.id, action: 'registration.update', subject: row.id });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicate(input);
        throw error;
      }
      return toDetail(pii, await ownRegistration(userId, row.id), false, now().getTime());
    },
  );

  app.post(
    '/api/registrations/:id/confirm',
    { schema: { tags: ['registration'], summary: 'The yearly “is this still right?” — yes', params: idParams, response: { 200: registrationSummarySchema, ...errorResponses } } },
    async (request) => {
      const userId = citizenId(request);
      const row = await ownRegistration(userId, request.params.id);
      if (row.status !== 'active') throw new ApiError(409, 'REGISTRATION_NOT_ACTIVE', rm.registrationNotActive);
      await db.updateTable('registrations').set({ confirmed_at: now() }).where('id', '=', row.id).execute();
      return toSummary(await ownRegistration(userId, row.id), now().getTime());
    },
  );

  app.post(
    '/api/registrations/:id/deregister',
    { schema: { tags: ['registration'], summary: 'Deregister (注销登记); alerts no longer reach this person', params: idParams, response: { 200: registrationSummarySchema, ...errorResponses } } },
    async (request) => {
      const userId = citizenId(request);
      const row = await ownRegistration(userId, request.params.id);
      if (row.status === 'active') {
        await db.transaction().execute(async (tx) => {
          await tx
            .updateTable('registrations')
            .set({ status: 'deregistered', end_reason: 'deregistered', ended_at: now(), updated_at: now() })
            .where('id', '=', row.id)
            .where('status', '=', 'active')
            .execute();
          await recordAudit(tx, { actorKind: 'citizen', actorId: userId, missionId: row.mission_id, action: 'registration.deregister', subject: row.id });
        });
      }
      return toSummary(await ownRegistration(userId, row.id), now().getTime());
    },
  );

  app.get(
    '/api/registrations/:id/certificate',
    { schema: { tags: ['registration'], summary: '登记凭证: the code to save and show at the mission', params: idParams, response: { 200: registrationCertificateSchema, ...errorResponses } } },
    async (request) => {
      const row = await ownRegistration(citizenId(request), request.params.id);
      return {
        code: row.certificate_code,
        qrText: certificateQrText(row.certificate_code),
        name: row.name,
        idNumberMasked: row.id_number_masked,
        missionNameZh: row.mission_name_zh,
        missionPhone: row.mission_phone,
        region: row.region,
        city: row.city,
        registeredAt: new Date(row.created_at).toISOString(),
        status: row.status,
      };
    },
  );

  // ── safety alerts: the page the 消息中心 message opens ──

  const alertParams = z.object({ alertId: z.string().max(64) });

  const alertView = async (userId: string, alertId: string) => {
    if (!UUID.test(alertId)) throw notFound(rm.answerNotFound);
    const alert = await db.selectFrom('travel_alerts').select(['id', 'title', 'body', 'level', 'effective_from']).where('id', '=', alertId).executeTakeFirst();
    const people = await db
      .selectFrom('alert_deliveries as d')
      .innerJoin('registrations as r', 'r.id', 'd.registration_id')
      .select(['d.registration_id', 'r.name', 'd.answer', 'd.answered_at'])
      .where('d.alert_id', '=', alertId)
      .where('d.user_id', '=', userId)
      .orderBy('r.created_at')
      .execute();
    if (!alert || people.length === 0) throw notFound(rm.answerNotFound);
    return {
      alert: { id: alert.id, title: alert.title, body: alert.body, level: alert.level, levelZh: alertLevelLabels[alert.level], effectiveFrom: new Date(alert.effective_from).toISOString() },
      people: people.map((p) => ({ registrationId: p.registration_id, name: p.name, answer: p.answer, answeredAt: p.answered_at ? new Date(p.answered_at).toISOString() : null })),
    };
  };

  app.get(
    '/api/registrations/alerts/:alertId',
    { schema: { tags: ['registration'], summary: 'A safety alert that reached my registered people, with their answers', params: alertParams, response: { 200: registrationAlertViewSchema, ...errorResponses } } },
    async (request) => alertView(citizenId(request), request.params.alertId),
  );

  app.post(
    '/api/registrations/alerts/:alertId/answer',
    {
      schema: {
        tags: ['registration'],
        summary: '我平安 / 需要帮助 for one registered person (may be changed later)',
        params: alertParams,
        body: alertAnswerBody,
        response: { 200: registrationAlertViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const userId = citizenId(request);
      const { registrationId, answer, note } = request.body;
      if (!UUID.test(request.params.alertId) || !UUID.test(registrationId)) throw notFound(rm.answerNotFound);
      const updated = await db
        .updateTable('alert_deliveries')
        .set({ answer, answer_note: note?.trim() || null, answered_at: sql<Date>`now()` })
        .where('alert_id', '=', request.params.alertId)
        .where('registration_id', '=', registrationId)
        .where('user_id', '=', userId)
        .returning('registration_id')
        .executeTakeFirst();
      if (!updated) throw notFound(rm.answerNotFound);
      await recordAudit(db, { actorKind: 'citizen', actorId: userId, action: 'alert.answer', subject: request.params.alertId, detail: { registrationId, answer } });
      return alertView(userId, request.params.alertId);
    },
  );
};
