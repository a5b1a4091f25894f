/**
 * Debian's chromium driven by playwright-core: headless, sandbox off (containers run as
 * root), nothing that phones home, and a fresh profile per launch so no cookie survives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Camera and microphone for WebRTC tests: Chromium's generated test video and a beep,
   * granted without a prompt. Off by default, so other tests see no media devices.
   */
  fakeMedia?: boolean;
  /** Default: a desktop (1440×900). */
  viewport?: { width: number; height: number };
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'console-chromium-'));
  // A persistent context is how playwright accepts our own --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.fakeMedia ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] : []),
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Surface the app's own failures in the jest output instead of only a timeout.
  page.on('pageerror', (error) => console.error('[console pageerror]', error.message));
  page.on('console', (message) => {
    // Failed loads are reported by the response listener below, which knows the status.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      console.error('[console error]', message.text());
    }
  });
  page.on('response', (response) => {
    // 401s are expected (not signed in, wrong password); anything else failing is a clue.
    if (response.status() >= 400 && response.status() !== 401) {
      console.error('[console http]', response.status(), response.request().method(), response.url());
    }
  });
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
