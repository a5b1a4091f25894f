/**
 * setData crosses from the logic thread to the render thread and costs in proportion to
 * what it carries, so a page sends only what changed — and nothing when nothing did.
 */

type Data = Record<string, unknown>;

/** The value at a setData path ("form.name", "fields[2].value") inside `data`. */
function valueAt(data: Data, path: string): unknown {
  let value: unknown = data;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Data)[part];
  }
  return value;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The entries of `next` (keys may be setData paths) that differ from `current`; null when none do. */
export function changedData(current: Data, next: Data): Data | null {
  const changed: Data = {};
  for (const [path, value] of Object.entries(next)) {
    if (!same(valueAt(current, path), value)) changed[path] = value;
  }
  return Object.keys(changed).length ? changed : null;
}

/** Only the named entries of a strings table: what a template reads, not the whole table. */
export function pick<T extends object, K extends keyof T>(table: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = table[key];
  return picked;
}
