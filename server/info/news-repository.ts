import { Kysely, Selectable, sql } from 'kysely';
import { z } from 'zod';
import { ArticleBlock, articleExcerpt, firstImageUrl } from '../../miniprogram/domain/article-blocks';
import type { NewsArticle, NewsSummary } from '../../miniprogram/domain/info-api-types';
import type { NewsStatus, StaffNewsArticle } from '../../contracts/info';
import type { Database, NewsArticleTable } from '../db/schema';
import { cursorParts, pageCursor, readCursor } from '../http/page-cursor';

/**
 * News per mission. Public lists are keyset-paginated on (pinned, published_at, id), all
 * descending: pinned first, newest first, and a page boundary stays put when articles are
 * published meanwhile (offsets would skip or repeat).
 */
type Row = Selectable<NewsArticleTable>;

/** Database time, to the millisecond: a cursor carries a JS timestamp and must compare exactly. */
export const nowMs = sql<Date>`date_trunc('milliseconds', now())`;

const iso = (value: Date | string) => new Date(value).toISOString();

export function newsStatus(row: Pick<Row, 'published_at'>, now = Date.now()): NewsStatus {
  if (!row.published_at) return 'draft';
  return new Date(row.published_at).getTime() > now ? 'scheduled' : 'published';
}

export function toSummary(row: Row): NewsSummary {
  const body = row.body as ArticleBlock[];
  return {
    id: row.id,
    missionId: row.mission_id,
    title: row.title,
    excerpt: articleExcerpt(body),
    coverImageUrl: firstImageUrl(body),
    pinned: row.pinned,
    publishedAt: iso(row.published_at!),
  };
}

/** What citizens and staff both read of an article. */
function articleFields(row: Row) {
  return { id: row.id, missionId: row.mission_id, title: row.title, body: row.body as ArticleBlock[], pinned: row.pinned, updatedAt: iso(row.updated_at) };
}

export function toArticle(row: Row): NewsArticle {
  return { ...articleFields(row), publishedAt: iso(row.published_at!) };
}

export function toStaffArticle(row: Row): StaffNewsArticle {
  return {
    ...articleFields(row),
    status: newsStatus(row),
    publishedAt: row.published_at ? iso(row.published_at) : null,
    createdAt: iso(row.created_at),
  };
}

/** Opaque cursor: [pinned 0/1, epoch ms, uuid]. */
const newsCursor = pageCursor(z.tuple([cursorParts.flag, cursorParts.epochMs, cursorParts.uuid]));
const encodeCursor = (flag: boolean, at: Date | string, id: string) => newsCursor.encode([flag ? 1 : 0, new Date(at).getTime(), id]);

function decodeCursor(cursor: string): { flag: boolean; at: Date; id: string } {
  const [flag, at, id] = readCursor(newsCursor, cursor);
  return { flag: flag === 1, at: new Date(at), id };
}

export async function listPublishedNews(
  db: Kysely<Database>,
  missionId: string,
  options: { cursor?: string; limit: number },
): Promise<{ items: NewsSummary[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('news_articles')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('published_at', 'is not', null)
    .where('published_at', '<=', sql<Date>`now()`);
  if (options.cursor) {
    const { flag, at, id } = decodeCursor(options.cursor);
    query = query.where(sql<boolean>`(pinned, published_at, id) < (${flag}, ${at}, ${id}::uuid)`);
  }
  const rows = await query
    .orderBy('pinned', 'desc')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.pinned, last.published_at!, last.id) : null,
  };
}

export async function findPublishedNews(db: Kysely<Database>, id: string): Promise<NewsArticle | null> {
  const row = await db
    .selectFrom('news_articles')
    .selectAll()
    .where('id', '=', id)
    .where('published_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? toArticle(row) : null;
}

/** Console list for one mission, every state, newest written first. */
export async function listMissionNews(
  db: Kysely<Database>,
  missionId: string,
  options: { cursor?: string; limit: number },
): Promise<{ items: StaffNewsArticle[]; nextCursor: string | null }> {
  let query = db.selectFrom('news_articles').selectAll().where('mission_id', '=', missionId);
  if (options.cursor) {
    const { at, id } = decodeCursor(options.cursor);
    query = query.where(sql<boolean>`(created_at, id) < (${at}, ${id}::uuid)`);
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toStaffArticle),
    nextCursor: rows.length > options.limit && last ? encodeCursor(false, last.created_at, last.id) : null,
  };
}
