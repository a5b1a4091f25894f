import { renderPage, simulate } from './load';

type Page = ReturnType<typeof renderPage>;
type Node = { querySelector(selector: string): Node | undefined; dispatchEvent(name: string, options?: unknown): void };

/**
 * TDesign components are virtual hosts, so events are dispatched on their inner nodes,
 * the way a finger would reach them.
 */
function inner(page: Page, hostSelector: string, innerSelector: string): Node {
  const host = page.querySelector(hostSelector) as unknown as Node | undefined;
  const node = host?.querySelector(innerSelector);
  if (!node) throw new Error(`no ${innerSelector} inside ${hostSelector}`);
  return node;
}

/** Types into a t-input and leaves it (input, then blur), as a citizen would. */
export async function fillInput(page: Page, hostSelector: string, value: string): Promise<void> {
  const input = inner(page, hostSelector, '.t-input__control');
  input.dispatchEvent('input', { detail: { value, cursor: value.length } });
  await simulate.sleep(0);
  input.dispatchEvent('blur', { detail: { value } });
  await simulate.sleep(0);
}

/** Types `text` into a t-input or t-textarea key by key (an input event per character), without leaving it. */
export async function typeKeys(page: Page, hostSelector: string, text: string, control = '.t-input__control'): Promise<void> {
  const input = inner(page, hostSelector, control);
  for (let length = 1; length <= text.length; length++) {
    const value = text.slice(0, length);
    input.dispatchEvent('input', { detail: { value, cursor: value.length } });
    await simulate.sleep(0);
  }
}

export async function tapButton(page: Page, hostSelector: string): Promise<void> {
  inner(page, hostSelector, '.t-button').dispatchEvent('tap');
  await simulate.sleep(0);
}

export function textOf(page: Page): string {
  return page.dom?.textContent ?? '';
}

/** A rendered component's own events (triggerEvent), e.g. `listen(pad)('uploaded', fn)`. */
export function listen(component: Page): (name: string, handler: (event: { detail: any }) => void) => void {
  const target = component as unknown as { addEventListener(name: string, handler: (event: { detail: any }) => void): void };
  return (name, handler) => target.addEventListener(name, handler);
}

/** Waits (polling) until `check()` holds: the page's async work has landed, however busy the machine. */
export async function until(check: () => boolean, what: string, timeoutMs = 40_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(20);
  }
}
