/**
 * @jest-environment node
 *
 * The package budgets, enforced: `npm run size` compiles the mini-program as an upload
 * would (miniprogram-ci, offline) and runs WeChat's code-quality scan. The main package is
 * what every launch downloads; the subpackages together are what a citizen using every
 * service downloads.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface SizeReport {
  mainPackageBytes: number;
  subpackages: Record<string, number>;
  subpackagesBytes: number;
  quality: Record<string, boolean>;
  unresolvedRequires: string[];
  ok: boolean;
}

function measure(): SizeReport {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/size.ts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    // Over budget exits 1 but still prints its report: assert on the figures below.
    stdout = (error as { stdout: string }).stdout;
  }
  return JSON.parse(stdout.trim().split('\n').pop()!) as SizeReport;
}

it('main package ≤ 340 KiB, all subpackages ≤ 900 KiB, 11/11 code-quality rules, every require resolves', () => {
  const report = measure();
  expect(report.mainPackageBytes).toBeLessThanOrEqual(340 * 1024);
  expect(report.subpackagesBytes).toBeLessThanOrEqual(900 * 1024);
  expect(Object.keys(report.quality)).toHaveLength(11);
  expect(Object.entries(report.quality).filter(([, pass]) => !pass)).toEqual([]);
  expect(report.unresolvedRequires).toEqual([]);
  expect(report.ok).toBe(true);
}, 300_000);
