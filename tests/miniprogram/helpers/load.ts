import * as fs from 'node:fs';
import * as path from 'node:path';
import simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

function readUsingComponents(jsonPath: string): Record<string, string> {
  return (JSON.parse(fs.readFileSync(jsonPath, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
}

/**
 * miniprogram-simulate only follows relative and root-absolute component paths; WeChat also
 * resolves bare ones ("tdesign-miniprogram/button/button") through miniprogram_npm. Collect
 * those from the page and our own components and hand them over as root-absolute paths.
 */
function npmComponentOverrides(componentPath: string, seen = new Set<string>()): Record<string, string> {
  if (seen.has(componentPath)) return {};
  seen.add(componentPath);
  const overrides: Record<string, string> = {};
  for (const [tag, target] of Object.entries(readUsingComponents(`${componentPath}.json`))) {
    if (target.startsWith('/')) {
      Object.assign(overrides, npmComponentOverrides(path.join(MINIPROGRAM_ROOT, target), seen));
    } else if (!target.startsWith('.')) {
      overrides[tag] = `/miniprogram_npm/${target}`;
    }
  }
  return overrides;
}

/**
 * The official WXML compiler (wcc) compiles every .wxml under the root at once; the
 * subpackages' own TDesign copies (see scripts/build-miniprogram.ts) would only repeat the
 * main one, which is what the overrides above point at.
 */
function compilerOptions() {
  const files = (fs.readdirSync(MINIPROGRAM_ROOT, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => !/^packages\/[^/]+\/miniprogram_npm\//.test(file));
  return {
    wxmlList: files.filter((f) => f.endsWith('.wxml')),
    wxsList: files.filter((f) => f.endsWith('.wxs')),
    maxBuffer: 16 * 1024 * 1024,
  };
}

/**
 * Registered once per test file: jest caches modules, so a page's Component() call runs only
 * on its first require, and later loads would register nothing.
 */
const loaded = new Map<string, string>();

function load(pagePath: string): string {
  let id = loaded.get(pagePath);
  if (!id) {
    const componentPath = path.join(MINIPROGRAM_ROOT, pagePath);
    id = simulate.load(componentPath, {
      rootPath: MINIPROGRAM_ROOT,
      usingComponents: npmComponentOverrides(componentPath),
      compilerOptions: compilerOptions(),
    } as unknown as simulate.LoadOptions);
    loaded.set(pagePath, id);
  }
  return id;
}

/** Renders a page or component by its mini-program path, e.g. "pages/home/index", and attaches it. */
export function renderPage(pagePath: string, properties?: Record<string, unknown>, beforeAttach?: (page: ReturnType<typeof simulate.render>) => void) {
  const id = load(pagePath);
  const page = simulate.render(id, properties);
  beforeAttach?.(page); // e.g. meter setData from the very first render
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

export { simulate };
