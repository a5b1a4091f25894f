import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Server modules (the folders of server/) may depend on each other in one direction only:
 * a cycle means neither side can be understood, tested or changed alone. This reads every
 * import with TypeScript's own pre-processor and fails on any cycle between modules.
 *
 * KNOWN_CYCLES was a ratchet for the cycles that existed when this test was written
 * (issue #18); it is empty now and must stay so: any cycle fails.
 */
const KNOWN_CYCLES: string[][] = [];

const serverRoot = path.resolve(__dirname, '../../../server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `server/orders/transitions.ts` → `orders`; files directly in server/ are modules of their own. */
function moduleOf(file: string): string {
  const parts = path.relative(serverRoot, file).split(path.sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, '');
}

function moduleGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(serverRoot)) {
    const from = moduleOf(file);
    for (const imported of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), imported.fileName);
      if (path.relative(serverRoot, target).startsWith('..')) continue; // shared domain code
      const to = moduleOf(target + '.ts');
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${path.relative(serverRoot, file)} → ${imported.fileName}`]);
    }
  }
  return graph;
}

/** Strongly connected components of more than one module (Tarjan), each sorted. */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('server module boundaries', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', new Map([['b', ['a.ts → ./b']]])],
      ['b', new Map([['c', ['b.ts → ./c']]])],
      ['c', new Map([['a', ['c.ts → ./a']]])],
      ['d', new Map([['a', ['d.ts → ./a']]])],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has no import cycle between server modules beyond the known ones, which may only shrink', () => {
    const graph = moduleGraph();
    const found = cycles(graph);
    const describe = (component: string[]) =>
      component
        .flatMap((from) => [...(graph.get(from) ?? new Map()).entries()].filter(([to]) => component.includes(to)).map(([to, via]) => `${from} → ${to}: ${via[0]}${via.length > 1 ? ` (+${via.length - 1})` : ''}`))
        .join('\n  ');
    const unknown = found.filter((component) => !KNOWN_CYCLES.some((known) => known.join() === component.join()));
    expect(unknown.map((component) => `cycle ${component.join(' ↔ ')}:\n  ${describe(component)}`)).toEqual([]);
    const gone = KNOWN_CYCLES.filter((known) => !found.some((component) => component.join() === known.join()));
    expect(gone).toEqual([]);
  });
});
