/**
 * @jest-environment node
 *
 * What scripts/build-miniprogram.ts derives from the mini-program's own files (globalSetup
 * has run it): the icon stylesheet from the icons named, each subpackage's TDesign files
 * from its usingComponents (only what the main package lacks), and the shared code a
 * subpackage imports.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FULL_ICON_STYLESHEET as FULL_ICONS, ICON_STYLESHEET } from '../../../scripts/build-miniprogram';
import { iconNames, writeIconStylesheet } from '../../../scripts/miniprogram/icon-stylesheet';
import { GENERATED_PREFIX, syncSubpackageDomain } from '../../../scripts/miniprogram/subpackage-domain';
import { mainPackageNpmFiles, readAppLayout } from '../../../scripts/miniprogram/subpackage-npm';
import { alertLevelIcons } from '../../../miniprogram/domain/alert-levels';
import { SERVICES } from '../../../miniprogram/domain/service-grid';

const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

function files(dir: string, pattern: RegExp): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => pattern.test(file) && !file.split(path.sep).includes('miniprogram_npm'))
    .map((file) => path.join(dir, file));
}

/** Icon names our templates and definitions use: icon attributes (literal or quoted inside {{ }}) and icon: '…' data. */
function iconsWeName(): Set<string> {
  const names = new Set<string>([...SERVICES.map((s) => s.icon), ...Object.values(alertLevelIcons)]);
  for (const file of files(MINIPROGRAM_ROOT, /\.wxml$/)) {
    for (const [, value] of fs.readFileSync(file, 'utf8').matchAll(/\b(?:name|left-icon|right-icon|prefix-icon|suffix-icon)="([^"]*)"/g)) {
      if (!value.includes('{{')) names.add(value);
      else for (const [, quoted] of value.matchAll(/'([a-z0-9-]+)'/g)) names.add(quoted);
    }
  }
  for (const file of files(MINIPROGRAM_ROOT, /\.ts$/)) {
    for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/\bicon: '([a-z0-9-]+)'/g)) names.add(name);
  }
  const all = iconNames(fs.readFileSync(FULL_ICONS, 'utf8'));
  return new Set([...names].filter((name) => all.has(name)));
}

describe('icon stylesheet', () => {
  const built = fs.readFileSync(ICON_STYLESHEET, 'utf8');

  it('has a rule for every icon a page or definition names, and the font face', () => {
    const named = iconsWeName();
    expect(named.size).toBeGreaterThan(15);
    const missing = [...named].filter((name) => !built.includes(`.t-icon-${name}:before{`));
    expect(missing).toEqual([]);
    expect(built).toContain('@font-face{font-family:t;');
    expect(built).toContain('https://tdesign.gtimg.com/icon/');
  });

  it('keeps TDesign’s own icons (input clear, toast, cell arrow) and drops the ~2,300 nobody names', () => {
    for (const name of ['close-circle-filled', 'check-circle', 'chevron-right', 'error-circle']) expect(built).toContain(`.t-icon-${name}:before{`);
    expect(built).not.toContain('.t-icon-logo-github');
    expect(built).not.toContain('.t-icon-banana:before');
    expect(iconNames(built).size).toBeLessThan(150);
    expect(Buffer.byteLength(built)).toBeLessThan(10 * 1024);
  });

  it('a newly named icon gets its rule on the next build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
    const page = path.join(dir, 'index.wxml');
    fs.writeFileSync(page, '<t-icon name="banana" />');
    const target = path.join(dir, 'icon.wxss');
    expect(writeIconStylesheet(FULL_ICONS, target, [page])).toEqual(['banana']);
    expect(fs.readFileSync(target, 'utf8')).toContain('.t-icon-banana:before{');
    expect(fs.readFileSync(target, 'utf8')).not.toContain('.t-icon-book:before');
  });
});

describe('one copy of TDesign', () => {
  const layout = readAppLayout(MINIPROGRAM_ROOT);
  const mainFiles = mainPackageNpmFiles(layout);
  const mainNpm = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm');

  it('no subpackage carries a TDesign file the main package already ships', () => {
    for (const subpackage of layout.subpackages) {
      const own = path.join(MINIPROGRAM_ROOT, subpackage.root, 'miniprogram_npm');
      if (!fs.existsSync(own)) continue;
      const duplicates = (fs.readdirSync(own, { recursive: true }) as string[])
        .map((file) => path.join(mainNpm, file))
        .filter((file) => mainFiles.has(file));
      expect({ subpackage: subpackage.root, duplicates }).toEqual({ subpackage: subpackage.root, duplicates: [] });
    }
  });

  it('components only a subpackage uses are in that subpackage, referring to the main package for the rest', () => {
    const input = path.join(MINIPROGRAM_ROOT, 'packages/apply/miniprogram_npm/tdesign-miniprogram/input/input');
    expect(fs.existsSync(`${input}.js`)).toBe(true);
    expect(mainFiles.has(path.join(mainNpm, 'tdesign-miniprogram/input/input.js'))).toBe(false);
    // Its icon and shared code come from the main package.
    expect(JSON.parse(fs.readFileSync(`${input}.json`, 'utf8')).usingComponents['t-icon']).toBe('../../../../../miniprogram_npm/tdesign-miniprogram/icon/icon');
    expect(fs.readFileSync(`${input}.js`, 'utf8')).toContain('"../../../../../miniprogram_npm/tdesign-miniprogram/common/src/index"');
    // Order detail uses only components the main package has: no copy at all.
    expect(fs.existsSync(path.join(MINIPROGRAM_ROOT, 'packages/orders/miniprogram_npm'))).toBe(false);
  });
});

describe('shared code a subpackage imports', () => {
  it('is copied where the subpackage imports it, follows the copy’s imports, and goes when the import goes', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-'));
    fs.mkdirSync(path.join(root, 'domain'));
    fs.writeFileSync(path.join(root, 'domain/rules.ts'), "import { limit } from './limits';\nexport const rule = limit;\n");
    fs.writeFileSync(path.join(root, 'domain/limits.ts'), 'export const limit = 3;\n');
    const pkg = path.join(root, 'packages/pension');
    fs.mkdirSync(path.join(pkg, 'form'), { recursive: true });
    const page = path.join(pkg, 'form/index.ts');
    fs.writeFileSync(page, "import { rule } from '../domain/rules';\nconsole.log(rule);\n");

    syncSubpackageDomain(root, [pkg]);
    const copy = fs.readFileSync(path.join(pkg, 'domain/rules.ts'), 'utf8');
    expect(copy.startsWith(GENERATED_PREFIX)).toBe(true);
    expect(copy).toContain('export const rule = limit;');
    expect(fs.existsSync(path.join(pkg, 'domain/limits.ts'))).toBe(true);

    fs.writeFileSync(page, 'console.log(1);\n');
    syncSubpackageDomain(root, [pkg]);
    expect(fs.existsSync(path.join(pkg, 'domain/rules.ts'))).toBe(false);
    expect(fs.existsSync(path.join(pkg, 'domain/limits.ts'))).toBe(false);
  });

  it('an import that lands nowhere fails the build with the file named', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-'));
    const pkg = path.join(root, 'packages/x');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'index.ts'), "import { y } from './domain/missing';\n");
    expect(() => syncSubpackageDomain(root, [pkg])).toThrow(/packages\/x\/index\.ts imports \.\/domain\/missing/);
  });
});
