import * as path from 'node:path';

/**
 * miniprogram-simulate runs each component's JS with require() and then deletes it from
 * require.cache so the next page load runs Component() again — but jest's module registry
 * ignores require.cache, so a TDesign component used by a second page of the same test
 * file renders as an empty placeholder. Call this once per file (beforeAll) before rendering
 * several pages that share TDesign components: their JS then runs in an isolated registry
 * on every page load. Our own pages are unaffected (load.ts registers each once per file).
 */
export function allowSeveralPagesPerFile(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const utils = require('miniprogram-simulate/src/utils') as { runJs(filePath: string): void };
  const original = utils.runJs;
  utils.runJs = (filePath: string) => {
    if (filePath.split(path.sep).includes('miniprogram_npm')) {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(filePath);
      });
    } else {
      original(filePath);
    }
  };
}
