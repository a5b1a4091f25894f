import type { NewsArticle, NewsList } from '../../../miniprogram/domain/info-api-types';
import type { StaffNewsArticle } from '../../../contracts/info';
import { parseArticleMarkup } from '../../../miniprogram/domain/article-blocks';
import { sqlOnlyKinds } from '../../helpers/fresh-database';
import { startTestServer, TestServer } from '../../helpers/test-server';
import { staffCookie } from '../legalization/console-helpers';

/** Per hook and test: jest ignores testTimeout inside a project config; PGlite start-up and scrypt take seconds. */
jest.setTimeout(60_000);

describe.each(sqlOnlyKinds)('mission news (%s)', (database) => {
  let server: TestServer;
  let supervisor: string;
  let reviewer: string;
  let chicago: string;

  beforeAll(async () => {
    server = await startTestServer({ database });
    supervisor = await staffCookie(server, { username: 'news.supervisor', role: 'supervisor' });
    reviewer = await staffCookie(server, { username: 'news.reviewer', role: 'reviewer' });
    chicago = await staffCookie(server, { username: 'chicago.admin', role: 'admin', missionId: 'us-chicago' });
  });
  afterAll(() => server.close());

  const write = async (title: string, cookie = supervisor, markup = `关于${title}的通知\n\n**请注意**办理时间。`) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/console/info/news',
      cookies: { cc_staff: cookie },
      payload: { title, body: parseArticleMarkup(markup) },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as StaffNewsArticle;
  };
  const act = (id: string, action: 'publish' | 'unpublish' | 'pin', payload?: object, cookie = supervisor) =>
    server.app.inject({ method: 'POST', url: `/api/console/info/news/${id}/${action}`, cookies: { cc_staff: cookie }, ...(payload ? { payload } : {}) });
  const publicList = async (query: string) => {
    const response = await server.app.inject({ method: 'GET', url: `/api/info/news?${query}` });
    expect(response.statusCode).toBe(200);
    return response.json() as NewsList;
  };

  it('keeps drafts and scheduled articles from citizens; publishing shows them', async () => {
    const draft = await write('春节期间对外办公安排');
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, missionId: 'us-new-york' });
    expect((await publicList('missionId=us-new-york')).items).toHaveLength(0);
    expect((await server.app.inject({ method: 'GET', url: `/api/info/news/${draft.id}` })).statusCode).toBe(404);

    const published = await act(draft.id, 'publish');
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const list = await publicList('missionId=us-new-york');
    expect(list.items.map((i) => i.title)).toEqual(['春节期间对外办公安排']);
    expect(list.items[0].excerpt).toContain('请注意办理时间');
    const article = await server.app.inject({ method: 'GET', url: `/api/info/news/${draft.id}` });
    expect((article.json() as NewsArticle).body).toEqual([
      { type: 'paragraph', spans: [{ text: '关于春节期间对外办公安排的通知' }] },
      { type: 'paragraph', spans: [{ text: '请注意', bold: true }, { text: '办理时间。' }] },
    ]);

    const scheduled = await write('下月领事巡回服务');
    const future = new Date(Date.now() + 3600_000).toISOString();
    const response = await act(scheduled.id, 'publish', { publishAt: future });
    expect(response.json()).toMatchObject({ status: 'scheduled', publishedAt: future });
    expect((await publicList('missionId=us-new-york')).items.map((i) => i.id)).not.toContain(scheduled.id);
    expect((await server.app.inject({ method: 'GET', url: `/api/info/news/${scheduled.id}` })).statusCode).toBe(404);

    // Its time comes (moved into the past here rather than waiting an hour).
    await server.db.updateTable('news_articles').set({ published_at: new Date(Date.now() - 1000) }).where('id', '=', scheduled.id).execute();
    expect((await publicList('missionId=us-new-york')).items.map((i) => i.id)).toContain(scheduled.id);

    await act(scheduled.id, 'unpublish');
    expect((await publicList('missionId=us-new-york')).items.map((i) => i.id)).not.toContain(scheduled.id);

    const audit = await server.db.selectFrom('audit_log').select('action').where('subject', '=', scheduled.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['news.create', 'news.publish', 'news.unpublish']));
  });

  it('lists pinned first, then newest, with stable keyset pages even when articles arrive between pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const article = await write(`芝加哥通知 ${i}`, chicago);
      const at = new Date(Date.UTC(2025, 0, 1 + i, 9)).toISOString();
      expect((await act(article.id, 'publish', { publishAt: at }, chicago)).statusCode).toBe(200);
      ids.push(article.id);
    }
    // Two articles share one publish time (ids[5]'s), across the first page boundary: the id breaks the tie.
    const twin = await write('芝加哥通知 twin', chicago);
    await act(twin.id, 'publish', { publishAt: new Date(Date.UTC(2025, 0, 6, 9)).toISOString() }, chicago);
    const tie = [ids[5], twin.id].sort().reverse();
    // The oldest one is pinned.
    expect((await act(ids[0], 'pin', { pinned: true }, chicago)).json()).toMatchObject({ pinned: true });

    const page1 = await publicList('missionId=us-chicago&limit=3');
    expect(page1.items[0]).toMatchObject({ id: ids[0], pinned: true });
    expect(page1.items.slice(1).map((i) => i.id)).toEqual([ids[6], tie[0]]);
    expect(page1.nextCursor).toEqual(expect.any(String));

    // A new article published between page requests lands on page one, not in the middle.
    const late = await write('芝加哥通知 late', chicago);
    await act(late.id, 'publish', undefined, chicago);

    const seen = [...page1.items.map((i) => i.id)];
    let cursor = page1.nextCursor;
    while (cursor) {
      const page = await publicList(`missionId=us-chicago&limit=3&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen).not.toContain(late.id);
    expect(seen.slice(3)).toEqual([tie[1], ids[4], ids[3], ids[2], ids[1]]);

    const bad = await server.app.inject({ method: 'GET', url: '/api/info/news?missionId=us-chicago&cursor=not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    const unknownMission = await server.app.inject({ method: 'GET', url: '/api/info/news?missionId=xx-nowhere' });
    expect(unknownMission.statusCode).toBe(404);
  });

  it('sends an ETag and answers 304 until something changes', async () => {
    const first = await fetch(`${server.baseUrl}/api/info/news?missionId=us-chicago`);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await fetch(`${server.baseUrl}/api/info/news?missionId=us-chicago`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const weak = await server.app.inject({ method: 'GET', url: '/api/info/news?missionId=us-chicago', headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(weak.statusCode).toBe(304);

    const article = await write('新通知', chicago);
    await act(article.id, 'publish', undefined, chicago);
    const changed = await fetch(`${server.baseUrl}/api/info/news?missionId=us-chicago`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('refuses unsafe content: HTML is just text, images must be https, unknown block types are rejected', async () => {
    const html = await write('<script>alert(1)</script>', supervisor, '<img src=x onerror=alert(1)>');
    expect(html.title).toBe('<script>alert(1)</script>');
    expect(html.body).toEqual([{ type: 'paragraph', spans: [{ text: '<img src=x onerror=alert(1)>' }] }]);

    const post = (body: unknown) =>
      server.app.inject({ method: 'POST', url: '/api/console/info/news', cookies: { cc_staff: supervisor }, payload: { title: 't', body } });
    expect((await post([{ type: 'image', url: 'javascript:alert(1)', alt: '' }])).statusCode).toBe(400);
    expect((await post([{ type: 'image', url: 'http://example.org/a.png', alt: '' }])).statusCode).toBe(400);
    expect((await post([{ type: 'html', html: '<b>x</b>' }])).statusCode).toBe(400);
    expect((await post([])).json()).toMatchObject({ error: { fields: { body: '请填写正文' } } });
    const ok = await post([{ type: 'image', url: 'https://example.org/a.png', alt: '示意图' }, { type: 'paragraph', spans: [{ text: 'a\u0007b', extra: 1 }] }]);
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as StaffNewsArticle).body).toEqual([
      { type: 'image', url: 'https://example.org/a.png', alt: '示意图' },
      { type: 'paragraph', spans: [{ text: 'ab' }] },
    ]);
  });

  it('lets reviewers read but not write, and keeps each mission to its own news', async () => {
    const article = await write('仅纽约');
    const asReviewer = await server.app.inject({
      method: 'POST',
      url: '/api/console/info/news',
      cookies: { cc_staff: reviewer },
      payload: { title: 'x', body: parseArticleMarkup('x') },
    });
    expect(asReviewer.statusCode).toBe(403);
    expect((await act(article.id, 'publish', undefined, reviewer)).statusCode).toBe(403);
    const reviewerList = await server.app.inject({ method: 'GET', url: '/api/console/info/news', cookies: { cc_staff: reviewer } });
    expect(reviewerList.statusCode).toBe(200);
    expect((reviewerList.json() as { items: StaffNewsArticle[] }).items.map((i) => i.id)).toContain(article.id);

    expect((await server.app.inject({ method: 'POST', url: `/api/console/info/news/${article.id}/publish` })).statusCode).toBe(401);

    // An admin of Chicago can neither see nor change New York's article.
    expect((await act(article.id, 'publish', undefined, chicago)).statusCode).toBe(404);
    const edit = await server.app.inject({
      method: 'PUT',
      url: `/api/console/info/news/${article.id}`,
      cookies: { cc_staff: chicago },
      payload: { title: '改', body: parseArticleMarkup('改') },
    });
    expect(edit.statusCode).toBe(404);
    const chicagoList = await server.app.inject({ method: 'GET', url: '/api/console/info/news', cookies: { cc_staff: chicago } });
    expect((chicagoList.json() as { items: StaffNewsArticle[] }).items.map((i) => i.id)).not.toContain(article.id);

    const own = await server.app.inject({
      method: 'PUT',
      url: `/api/console/info/news/${article.id}`,
      cookies: { cc_staff: supervisor },
      payload: { title: '仅纽约（更新）', body: parseArticleMarkup('- 第一\n- 第二') },
    });
    expect(own.json()).toMatchObject({ title: '仅纽约（更新）', body: [{ type: 'list', ordered: false }] });
  });
});
