import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema';
import { inRecordLanguage } from '../http/request-locale';
import { isMessageKey, type MessageCatalogue, type MessageKey, type MessageText, renderMessageText } from './message-catalogue';

/**
 * The one way into a citizen's 消息中心 (docs/languages.md): a message is written as a
 * catalogue key + parameters (message-catalogue.ts) and, beside them, its 简体 text — staff
 * read that, and it is what is shown when the key cannot be rendered (rows from before
 * migration 0020). Reading renders the key in the reader's language.
 */

export interface NewMessage {
  userId: string;
  applicationId?: string | null;
  passportId?: string | null;
  kind: 'status' | 'note';
  /** The order's status the message is about (消息中心 shows it as a tag). */
  status?: string | null;
  text: MessageText;
}

/** Title and body in 简体中文, whatever language the request that caused the message asked for. */
const recordText = (text: MessageText) => inRecordLanguage(() => renderMessageText(text));

export async function writeMessage(db: Kysely<Database>, message: NewMessage): Promise<void> {
  const { title, body } = recordText(message.text);
  await db
    .insertInto('messages')
    .values({
      user_id: message.userId,
      application_id: message.applicationId ?? null,
      passport_id: message.passportId ?? null,
      kind: message.kind,
      status: message.status ?? null,
      title,
      body,
      text_key: message.text.key,
      text_params: JSON.stringify(message.text.params),
    })
    .execute();
}

type Params<K extends MessageKey> = Parameters<MessageCatalogue[K]>[0];

/**
 * The message columns for a set-based INSERT … SELECT (one message per selected row): each
 * parameter is a value, or an SQL expression of the row (e.g. `sql.ref('name')`), which must
 * appear in the 简体 text as it is (a name, a date string). Use as
 * `select …, ${c.title}, ${c.body}, ${c.textKey}, ${c.textParams} from …`.
 */
export function messageColumnsSql<K extends MessageKey>(
  key: K,
  params: { [P in keyof Params<K>]: Params<K>[P] | RawBuilder<unknown> },
): { title: RawBuilder<string>; body: RawBuilder<string>; textKey: RawBuilder<string>; textParams: RawBuilder<unknown> } {
  const expressions: RawBuilder<unknown>[] = [];
  const marked = Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (!isSql(value)) return [name, value];
      expressions.push(value);
      return [name, `${SLOT}${expressions.length - 1}${SLOT}`];
    }),
  );
  const { title, body } = recordText({ key, params: marked } as MessageText);
  const jsonParams = Object.entries(params).map(([name, value]) => sql`${name}::text, ${isSql(value) ? value : sql`${JSON.stringify(value)}::jsonb`}`);
  return {
    title: concatenated(title, expressions),
    body: concatenated(body, expressions),
    textKey: sql<string>`${key}::text`,
    textParams: jsonParams.length > 0 ? sql`jsonb_build_object(${sql.join(jsonParams)})` : sql`'{}'::jsonb`,
  };
}

const SLOT = '\u0000';

const isSql = (value: unknown): value is RawBuilder<unknown> => typeof value === 'object' && value !== null && 'toOperationNode' in value;

/** '…\0' + '0\0…' → '…' || (expr)::text || '…' */
function concatenated(text: string, expressions: RawBuilder<unknown>[]): RawBuilder<string> {
  const pieces = text.split(SLOT);
  const parts = pieces.map((piece, i) => (i % 2 === 1 ? sql`(${expressions[Number(piece)]})::text` : sql`${piece}::text`));
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

/** A stored message's title and body in the reader's language; its stored 简体 text when it has no (known) key. */
export function readMessageText(row: { title: string; body: string; text_key: string | null; text_params: unknown }): { title: string; body: string } {
  if (!row.text_key || !isMessageKey(row.text_key) || typeof row.text_params !== 'object' || row.text_params === null) return { title: row.title, body: row.body };
  try {
    return renderMessageText({ key: row.text_key, params: row.text_params } as MessageText);
  } catch {
    // Parameters this catalogue cannot render (a key renamed since): the text written then.
    return { title: row.title, body: row.body };
  }
}

/** A note about an order without a status change (interviews, appointments): tagged with the order's status. */
export function writeOrderNote(db: Kysely<Database>, order: { id: string; user_id: string; status: string }, text: MessageText): Promise<void> {
  return writeMessage(db, { userId: order.user_id, applicationId: order.id, kind: 'note', status: order.status, text });
}
