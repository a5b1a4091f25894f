/**
 * 消息中心 (status changes and staff notes) and WeChat subscription messages
 * (docs/review-workflow.md). Subscribing must happen inside a tap: the template ids are
 * fetched beforehand (prefetchSubscriptionTemplates) so that askForStatusMessages can call
 * wx.requestSubscribeMessage synchronously.
 */
import type { MessagePage, SubscriptionQuota, SubscriptionTemplates, UnreadCount } from '../domain/order-api-types';
import { request } from './request';

export function fetchMessages(cursor?: string | null, limit = 20): Promise<MessagePage> {
  const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  return request<MessagePage>(`/api/messages?${query}`);
}

// Plain promise chains: this module is in the main package, where every async function
// would cost a compiled regenerator state machine.

export function fetchUnreadCount(): Promise<number> {
  return request<UnreadCount>('/api/messages/unread-count').then((r) => r.unread);
}

/** Returns the unread count left. */
export function markMessageRead(id: string): Promise<number> {
  return request<UnreadCount>(`/api/messages/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} }).then((r) => r.unread);
}

export function markAllMessagesRead(): Promise<number> {
  return request<UnreadCount>('/api/messages/read-all', { method: 'POST', body: {} }).then((r) => r.unread);
}

// --- Subscription messages ------------------------------------------------------------

let templateIds: string[] | null = null;
let templatesInFlight: Promise<string[]> | null = null;

/** The template ids to ask for (cached; a failure is retried on the next call). */
export function prefetchSubscriptionTemplates(): Promise<string[]> {
  if (templateIds) return Promise.resolve(templateIds);
  if (!templatesInFlight) {
    templatesInFlight = request<SubscriptionTemplates>('/api/subscriptions/templates')
      .then((templates) => (templateIds = [templates.orderStatus].filter(Boolean)))
      .catch(() => [] as string[])
      .finally(() => {
        templatesInFlight = null;
      });
  }
  return templatesInFlight;
}

export function recordSubscription(templates: string[], accepted: string[]): Promise<SubscriptionQuota> {
  return request<SubscriptionQuota>('/api/subscriptions', { method: 'POST', body: { templateIds: templates, accepted } });
}

/**
 * Asks for the status-change template. CALL IT SYNCHRONOUSLY FROM A TAP HANDLER (WeChat
 * refuses otherwise). Never rejects: resolves once the citizen's choice is recorded with
 * the server (so the first status message can use it), after `maxWaitMs` at the latest,
 * or at once when there is nothing to ask (templates not loaded yet, an old base library)
 * or anything fails — a subscription never blocks what the tap is for.
 */
export function askForStatusMessages(maxWaitMs = 15_000): Promise<void> {
  const ids = templateIds;
  if (!ids || ids.length === 0 || typeof wx.requestSubscribeMessage !== 'function') return Promise.resolve();
  return new Promise<void>((settle) => {
    const timer = setTimeout(() => settle(), maxWaitMs);
    const resolve = () => {
      clearTimeout(timer);
      settle();
    };
    try {
      wx.requestSubscribeMessage({
        tmplIds: ids,
        success: (result) => {
          const accepted = ids.filter((id) => result[id] === 'accept');
          recordSubscription(ids, accepted).then(resolve, resolve);
        },
        fail: resolve,
      });
    } catch {
      resolve();
    }
  });
}
