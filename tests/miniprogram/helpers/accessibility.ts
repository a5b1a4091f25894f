/**
 * What a screen reader finds on a rendered page, from miniprogram-simulate's JSON tree (its
 * DOM drops aria-* attributes and event bindings; the JSON keeps both): the controls — a
 * built-in control, an ARIA control role, or a node with a tap handler — each with the name
 * it would be announced by (aria-label, else its text).
 */
import type { renderPage } from './load';

interface JsonNode {
  tagName?: string;
  attrs?: Array<{ name: string; value: unknown }>;
  event?: Record<string, unknown>;
  children?: Array<JsonNode | string>;
}

export interface Control {
  tag: string;
  role: string;
  name: string;
  className: string;
}

const CONTROL_TAGS = new Set(['wx-button', 'wx-input', 'wx-textarea', 'wx-switch', 'wx-checkbox', 'wx-radio', 'wx-picker', 'wx-navigator', 'wx-slider']);
const CONTROL_ROLES = new Set(['button', 'switch', 'link', 'checkbox', 'radio', 'tab', 'menuitem', 'option', 'slider', 'textbox', 'combobox']);
/** TDesign binds tap inside display pieces and every cell whether or not a page listens (a cell that is a control says so with a role). */
const DISPLAY_ONLY = /(^|\s)t-(tag|icon|image|badge|loading|cell)(\s|$)/;

const attr = (node: JsonNode, name: string): string => String(node.attrs?.find((a) => a.name === name)?.value ?? '');

function textOf(node: JsonNode | string): string {
  if (typeof node === 'string') return node;
  if (attr(node, 'ariaHidden') === 'true') return '';
  return (node.children ?? []).map(textOf).join('');
}

/** Nothing inside (an empty slot wrapper TDesign binds tap on): nothing to see, nothing to announce. */
const isEmpty = (node: JsonNode | string): boolean =>
  typeof node === 'string' ? !node.trim() : !attr(node, 'ariaLabel') && (node.children ?? []).every(isEmpty);

export function controlsOf(page: ReturnType<typeof renderPage>): Control[] {
  const found: Control[] = [];
  const walk = (node: JsonNode | string, insideControl: boolean): void => {
    if (typeof node === 'string') return;
    if (attr(node, 'ariaHidden') === 'true') return;
    const tag = node.tagName ?? '';
    const role = attr(node, 'ariaRole');
    const className = attr(node, 'class');
    const tappable = !!node.event && ('tap' in node.event || 'longpress' in node.event) && !DISPLAY_ONLY.test(className) && !isEmpty(node);
    const control = CONTROL_TAGS.has(tag) || CONTROL_ROLES.has(role) || tappable;
    // A control inside a control (TDesign's pieces of one button) is announced as the outer one.
    if (control && !insideControl) {
      const name = (attr(node, 'ariaLabel') || textOf(node) || attr(node, 'placeholder')).trim();
      found.push({ tag, role: role || (tag === 'wx-button' ? 'button' : ''), name, className });
    }
    for (const child of node.children ?? []) walk(child, insideControl || control);
  };
  walk((page as unknown as { toJSON(): JsonNode }).toJSON(), false);
  return found;
}

/** Controls a screen reader could not name, or (views and texts with a tap handler) would read as plain text. */
export function inaccessibleControls(page: ReturnType<typeof renderPage>): Control[] {
  return controlsOf(page).filter((control) => !control.name || ((control.tag === 'wx-view' || control.tag === 'wx-text') && !control.role));
}
