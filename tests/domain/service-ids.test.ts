/**
 * @jest-environment node
 *
 * The service registry is the only list of services: no code outside a service's own files
 * tests a service by its id, so adding a service never means editing shared code.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applicationServices } from '../../miniprogram/domain/services/service-registry';
import { APPLICATION_TILES } from '../../miniprogram/domain/services/service-tiles';
import { SERVICES } from '../../miniprogram/domain/service-grid';

const ROOT = path.resolve(__dirname, '../..');

/** A service's own files: definition, text map, tile, and its own modules. */
const OWN_FILES = [
  /^miniprogram\/domain\/services\/(passport|emergency-travel|pension)(-[a-z-]+)?\.ts$/,
  /^server\/pension\//,
  // 我的证件 and expiry reminders track the passports the passport service issues.
  /^server\/passports\//,
  /^miniprogram\/packages\/documents\//,
  /^console\/src\/pages\/pension\//,
  /^miniprogram\/packages\/pension\//,
  // Applied migrations are history; a later migration changes what they created.
  /^server\/db\/migrations\//,
];

/** Lines where the word is something other than a service id. */
const NOT_A_SERVICE_ID: ReadonlyArray<{ line: RegExp; why: string }> = [
  { line: /resident_id|idType === 'passport'|value: 'passport', label: '中国护照'/, why: "the identity document type 'passport'" },
  { line: /^console\/src\/router\/[a-z]+\.ts:\d+:\s*(path|pension): 'pension',$/, why: "the console's pension page route" },
];

function hits(): string[] {
  // git grep: tracked files only, so the build's generated copies in the subpackages are left out.
  let out = '';
  try {
    out = execFileSync('git', ['grep', '-n', "'passport'\\|'emergency_travel'\\|'pension'", '--', 'server', 'console/src', 'miniprogram'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error; // 1 = no match
  }
  return out
    .split('\n')
    .filter(Boolean)
    .filter((hit) => !OWN_FILES.some((own) => own.test(hit.slice(0, hit.indexOf(':')))))
    .filter((hit) => !NOT_A_SERVICE_ID.some((allowed) => allowed.line.test(hit)));
}

it('no shared code names a service by its id (only the service\'s own files do)', () => {
  expect(hits()).toEqual([]);
});

it('the home tiles are the registered services, in order, with their titles', () => {
  expect(APPLICATION_TILES.map((tile) => [tile.service, tile.title])).toEqual(applicationServices().map((service) => [service.id, service.title]));
  for (const tile of APPLICATION_TILES) {
    const entry = SERVICES.find((service) => service.id === tile.service)?.entry;
    expect(entry).toEqual({ kind: 'page', path: `/packages/apply/form/index?service=${tile.service}` });
  }
});

it('the service structures hold no wording: every Chinese word is in the text maps', () => {
  for (const file of ['passport', 'emergency-travel', 'pension']) {
    const code = fs
      .readFileSync(path.join(ROOT, `miniprogram/domain/services/${file}.ts`), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code.match(/[\u4e00-\u9fff]+/g) ?? []).toEqual([]);
  }
});
