/**
 * `npm run a11y`: the accessibility figures of every mini-program page, normal and 长辈模式.
 * 1. jest renders every page in miniprogram-simulate (tests/miniprogram/a11y/render-pages.a11y.ts)
 *    and writes the DOM and WXSS to a temporary file;
 * 2. Chromium lays each page out at 375 px and measures it (tests/miniprogram/a11y/page-metrics.ts).
 * Prints one JSON line per page and mode (`A11Y {...}`) and a summary line (`A11Y-SUMMARY {...}`),
 * with A11Y_SHOTS=dir also a full-page PNG of each. Exits 1 when a page in elder mode breaks a
 * limit (text < 18 px, line height < 1.3, contrast below 4.5:1 / 3:1, a target < 60 px, more
 * than one primary action, a control without a name or role).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { launchBrowser } from '../tests/console/browser';
import { BUILT_INS, ELDER_LIMITS, measureInBrowser, NORMAL_LIMITS, type PageMetrics, violations } from '../tests/miniprogram/a11y/page-metrics';

const ROOT = path.resolve(__dirname, '..');

interface Rendered {
  styles: string;
  /** Each page with its own (page-scoped) WXSS, measured under the shared styles plus only that. */
  snapshots: Array<{ page: string; mode: 'normal' | 'elder'; html: string; pageStyles: string }>;
}

/** A11Y_PAGES=file keeps the rendered pages there and measures them again without rendering (while adjusting WXSS). */
function render(): Rendered {
  const keep = process.env.A11Y_PAGES;
  if (keep && existsSync(keep)) return JSON.parse(readFileSync(keep, 'utf8')) as Rendered;
  const dir = mkdtempSync(path.join(tmpdir(), 'a11y-'));
  const out = path.join(dir, 'pages.json');
  try {
    const jest = spawnSync(
      process.execPath,
      ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--config', 'tests/miniprogram/a11y.jest.config.js'],
      { cwd: ROOT, env: { ...process.env, A11Y_OUT: out }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (jest.status !== 0) throw new Error('rendering the pages failed (see above)');
    if (keep) copyFileSync(out, keep);
    return JSON.parse(readFileSync(out, 'utf8')) as Rendered;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { styles, snapshots } = render();
  // A11Y_SHOTS=dir: also a full-page PNG of each page and mode, to look at.
  const shots = process.env.A11Y_SHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  const browser = await launchBrowser({ viewport: { width: 375, height: 812 } });
  // Sent as source: tsx names functions with a helper (__name) the browser lacks.
  const measure = `(() => { const __name = (fn) => fn; return (${measureInBrowser.toString()})('page'); })()`;
  const rows: Array<{ page: string; mode: string; metrics: PageMetrics; broken: string[] }> = [];
  try {
    for (const snapshot of snapshots) {
      await browser.page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>${BUILT_INS}</style><style>${styles}</style><style>${snapshot.pageStyles}</style></head><body><page>${snapshot.html}</page></body></html>`,
      );
      const metrics = (await browser.page.evaluate(measure)) as PageMetrics;
      if (shots) await browser.page.screenshot({ path: path.join(shots, `${snapshot.page.replace(/\//g, '_')}.${snapshot.mode}.png`), fullPage: true });
      const broken = violations(metrics, snapshot.mode === 'elder' ? ELDER_LIMITS : NORMAL_LIMITS);
      rows.push({ page: snapshot.page, mode: snapshot.mode, metrics, broken });
      console.log(`A11Y ${JSON.stringify({ page: snapshot.page, mode: snapshot.mode, ...metrics, broken })}`);
    }
  } finally {
    await browser.close();
  }
  const summary = (mode: string) => {
    const metrics = rows.filter((row) => row.mode === mode).map((row) => row.metrics);
    const min = (key: 'minFontPx' | 'minLineHeightRatio' | 'minTargetPx' | 'minContrast' | 'minContrastMargin') => Math.min(...metrics.map((m) => m[key]));
    return {
      pages: metrics.length,
      minFontPx: min('minFontPx'),
      minLineHeightRatio: min('minLineHeightRatio'),
      minTargetPx: min('minTargetPx'),
      minContrast: min('minContrast'),
      minContrastMargin: min('minContrastMargin'),
      unnamed: metrics.reduce((sum, m) => sum + m.unnamed.length, 0),
      pagesBreakingLimits: rows.filter((row) => row.mode === mode && row.broken.length).map((row) => row.page),
    };
  };
  const elder = summary('elder');
  console.log(`A11Y-SUMMARY ${JSON.stringify({ normal: summary('normal'), elder })}`);
  process.exitCode = elder.pagesBreakingLimits.length ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
