/**
 * The rendering half of `npm run a11y` (scripts/a11y.ts measures): every page of the
 * mini-program (main package and subpackages) in miniprogram-simulate, as the page tests
 * render them, against the real server with a logged-in citizen and one submitted order,
 * in the normal mode and in 长辈模式. Writes each page's DOM and all the WXSS that applies
 * (rpx → px as WeChat computes it 375 px wide) to $A11Y_OUT.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { elderModeStore } from '../../../miniprogram/stores/elder-mode-store';
import { startChildServer, type ChildServer } from '../helpers/child-server';
import { readyCitizen } from '../helpers/citizen';
import { MINIPROGRAM_ROOT, renderPage, simulate } from '../helpers/load';
import { submittedOrder } from '../helpers/orders';
import { allowSeveralPagesPerFile } from '../helpers/several-pages';

interface AppJson {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
}

export function allPages(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
  return [...app.pages, ...app.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
}

/** 375 px wide: 750rpx = 375px, so 1rpx = 0.5px (miniprogram-simulate maps 1rpx to 1px). */
function installRpxAt375(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils = require('miniprogram-simulate/src/utils') as { transformRpx(style: string): string };
  utils.transformRpx = (style) => style.replace(/(\d+(?:\.\d+)?)rpx/gi, (_, n: string) => `${Number(n) / 2}px`);
}

/** app.wxss, scoped the way WeChat applies it to a page's own nodes (simulate prefixes page classes with "main--"). */
function appWxss(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as { compile(css: string, options: { prefix: string }): string };
  const css = wxss.compile(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.wxss'), 'utf8'), { prefix: 'main' });
  return css.replace(/(\d+(?:\.\d+)?)rpx/gi, (_, n: string) => `${Number(n) / 2}px`);
}

interface Snapshot {
  page: string;
  mode: 'normal' | 'elder';
  html: string;
  /** The page's own WXSS. WeChat scopes it to that page; simulate gives every page the same
   * prefix, so two pages' `.zone` would meet if all were measured under one sheet. */
  pageStyles: string;
}

/** Page stylesheets by page: those simulate adds while first rendering the page, with page-scoped (`main--`) selectors. */
const pageStyles = new Map<string, string>();

let server: ChildServer;
const snapshots: Snapshot[] = [];

beforeAll(async () => {
  allowSeveralPagesPerFile();
  installRpxAt375();
  server = await startChildServer();
  await readyCitizen(server);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

interface JsonNode {
  tagName?: string;
  attrs?: Array<{ name: string; value: unknown }>;
  event?: Record<string, unknown>;
  children?: Array<JsonNode | string>;
}

/**
 * miniprogram-simulate's DOM keeps classes and styles but not aria-* attributes or event
 * bindings; its JSON tree keeps both. Copy them onto the DOM (same structure, walked in
 * step): aria-label/aria-role/… as attributes, a tap binding as data-a11y-tap.
 */
function annotate(json: JsonNode, element: Element): void {
  if (json.tagName !== element.tagName.toLowerCase()) return;
  for (const { name, value } of json.attrs ?? []) {
    if (/^aria[A-Z]/.test(name)) element.setAttribute(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), String(value));
    if (name === 'placeholder' || name === 'src') element.setAttribute(name, String(value));
  }
  if (json.event && ('tap' in json.event || 'longpress' in json.event)) element.setAttribute('data-a11y-tap', '');
  const kids = (json.children ?? []).filter((child): child is JsonNode => typeof child === 'object' && !!child.tagName);
  const elements = Array.from(element.children);
  kids.forEach((kid, i) => elements[i] && annotate(kid, elements[i]));
}

/** Until no setData for 300 ms: the page's requests have landed and rendered (a measurement, as bench:setdata waits). */
async function settle(page: ReturnType<typeof renderPage>): Promise<void> {
  const instance = page.instance as unknown as { setData(data: object, cb?: () => void): void };
  let calls = 0;
  const original = instance.setData.bind(instance);
  instance.setData = (data, cb) => {
    calls++;
    original(data, cb);
  };
  let seen = -1;
  while (seen !== calls) {
    seen = calls;
    await simulate.sleep(300);
  }
}

it('renders every page in the normal mode and in 长辈模式', async () => {
  const order = await submittedOrder(server.images);
  const queries: Record<string, Record<string, string>> = {
    // Home with its search's result rows on screen (what WeChat search opens: ?q=…).
    'pages/home/index': { q: '护照' },
    'packages/apply/form/index': { service: 'passport' },
    'packages/apply/result/index': { id: order.id },
    'packages/orders/detail/index': { id: order.id },
    'packages/orders/supplements/index': { id: order.id },
    'packages/pay/index/index': { id: order.id },
    'packages/pay/result/index': { id: order.id },
    'packages/interview/book/index': { id: order.id },
    'packages/info/alerts/index': { country: 'US' },
    'packages/info/guide/index': { country: 'US' },
    'packages/info/news/index': { missionId: 'us-new-york' },
  };
  for (const mode of ['normal', 'elder'] as const) {
    elderModeStore.setEnabled(mode === 'elder');
    for (const pagePath of allPages()) {
      const stylesBefore = new Set(Array.from(document.querySelectorAll('style')));
      const page = renderPage(pagePath);
      if (!pageStyles.has(pagePath)) {
        const own = Array.from(document.querySelectorAll('style')).filter((style) => !stylesBefore.has(style) && style.innerHTML.includes('.main--'));
        own.forEach((style) => style.setAttribute('data-page-style', ''));
        pageStyles.set(pagePath, own.map((style) => style.innerHTML).join('\n'));
      }
      const instance = page.instance as unknown as { onLoad?(query: Record<string, string>): unknown };
      const loading = typeof instance.onLoad === 'function' ? Promise.resolve(instance.onLoad(queries[pagePath] ?? {})).catch(() => undefined) : undefined;
      await loading;
      await settle(page);
      const dom = page.dom as unknown as Element;
      annotate((page as unknown as { toJSON(): JsonNode }).toJSON(), dom);
      snapshots.push({ page: pagePath, mode, html: dom.outerHTML, pageStyles: pageStyles.get(pagePath) ?? '' });
      page.detach();
    }
  }
  // Components' styles (scoped by their own prefixes) and app.wxss for every page; each page's own sheet goes with its snapshot.
  const styles = Array.from(document.querySelectorAll('style:not([data-page-style])')).map((style) => style.innerHTML).join('\n') + appWxss();
  const out = process.env.A11Y_OUT;
  if (!out) throw new Error('run through `npm run a11y` (scripts/a11y.ts sets A11Y_OUT)');
  fs.writeFileSync(out, JSON.stringify({ styles, snapshots }));
});
