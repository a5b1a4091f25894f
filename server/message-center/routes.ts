/**
 * 消息中心 and WeChat subscription messages, the citizen's side: the inbox (keyset pages,
 * unread badge, mark read) and the one-time 订阅消息 grants the mini-program records after
 * wx.requestSubscribeMessage. Other modules write messages (through
 * workflow/citizen-messages.ts: a catalogue key + parameters beside the 简体 text); this
 * module only reads them — in the reader's language — and marks them.
 */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { CitizenMessage } from '../../miniprogram/domain/order-api-types';
import type { ApplicationStatus } from '../../miniprogram/domain/services/application-status';
import { citizenId, requireCitizen } from '../citizen-auth/authenticate';
import type { Config } from '../config';
import type { AppDeps } from '../app-deps';
import type { Database } from '../db/schema';
import { notFound, validationFailed } from '../http/api-error';
import { cursorParts, pageCursor, readCursor } from '../http/page-cursor';
import { errorResponses } from '../http/schemas';
import type { SessionStore } from '../security/session-store';
import { readMessageText } from '../workflow/citizen-messages';
import { reviewMessages } from '../workflow/review-messages';

/** 消息中心 position: [created_at as PostgreSQL text, id]. */
const messageCursor = pageCursor(z.tuple([cursorParts.timestamp, cursorParts.uuid]));
const isId = (value: string) => z.guid().safeParse(value).success;

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
const unreadSchema = z.object({ unread: z.number() });

export type MessageCenterOptions = AppDeps & { sessions: SessionStore };

export const messageCenterRoutes: FastifyPluginAsyncZod<MessageCenterOptions> = async (root, options) => {
  const { db } = options;
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.addHook('preHandler', requireCitizen(options.sessions));

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
        .select(['id', 'application_id', 'alert_id', 'passport_id', 'kind', 'title', 'body', 'text_key', 'text_params', 'status', 'created_at', 'read_at', sql<string>`created_at::text`.as('created_text')])
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
            // In the reader's language (Accept-Language); the stored 简体 text for older rows.
            ...readMessageText(m),
            status: m.status as ApplicationStatus | null,
            createdAt: new Date(m.created_at).toISOString(),
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
    { schema: { tags: ['messages'], summary: 'Unread messages (the tab badge)', response: { 200: unreadSchema, ...errorResponses } } },
    async (request) => ({ unread: await unreadCount(db, citizenId(request)) }),
  );

  app.post(
    '/api/messages/:id/read',
    {
      schema: { tags: ['messages'], summary: 'Mark one message read', params: z.object({ id: z.string().max(64) }), response: { 200: unreadSchema, ...errorResponses } },
    },
    async (request) => {
      const userId = citizenId(request);
      if (!isId(request.params.id)) throw notFound(reviewMessages.messageNotFound);
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
    { schema: { tags: ['messages'], summary: 'Mark every message read', response: { 200: unreadSchema, ...errorResponses } } },
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
