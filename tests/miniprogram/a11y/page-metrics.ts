/**
 * What `npm run a11y` measures on a rendered page (run inside Chromium, so the sizes,
 * colours and boxes are the ones the WXSS gives at 375 px wide), and the limits of
 * 适老化 elder mode (../shared/DOMAIN.md): body text ≥ 18 px, line height ≥ 1.3, text
 * contrast ≥ 4.5:1 (3:1 for large text), touch targets ≥ 60×60 (44×44 outside elder mode),
 * one primary action per screen, and every control and image with an accessible name.
 */

/** How WeChat lays out its built-in components (simulate renders them as unknown elements). */
export const BUILT_INS = `
  body { margin: 0; font-family: sans-serif; }
  page { display: block; width: 375px; font-size: 16px; }
  wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-navigator, wx-form, wx-input, wx-textarea, wx-picker, wx-movable-area, wx-cover-view, main { display: block; }
  wx-text, wx-label { display: inline; }
  wx-image { display: inline-block; width: 160px; height: 120px; overflow: hidden; }
  wx-button { display: block; position: relative; box-sizing: border-box; text-align: center; font-size: 18px; line-height: 2.55; border-radius: 5px; padding: 0 14px; }
  wx-icon, wx-canvas, wx-camera { display: inline-block; }
`;

export interface PageMetrics {
  /** Smallest computed font size of visible text, px, and the text it belongs to. */
  minFontPx: number;
  minFontText: string;
  /** Smallest line-height / font-size of visible text. */
  minLineHeightRatio: number;
  /** Smallest side of a visible control's box, px. */
  minTargetPx: number;
  minTargetName: string;
  /** Lowest contrast ratio of visible text against what is behind it, and how far it is from its own limit (≥ 1 passes). */
  minContrast: number;
  minContrastText: string;
  minContrastMargin: number;
  /** Visible primary buttons. */
  primaryActions: number;
  /** Controls (and images) without an accessible name: their tag and class. */
  unnamed: string[];
  /** Tappable views and texts a screen reader would not announce as controls (no aria-role). */
  noRole: string[];
  controls: number;
}

export interface Limits {
  minFontPx: number;
  minLineHeightRatio: number;
  minTargetPx: number;
  maxPrimaryActions: number;
}

export const ELDER_LIMITS: Limits = { minFontPx: 18, minLineHeightRatio: 1.3, minTargetPx: 60, maxPrimaryActions: 1 };
export const NORMAL_LIMITS: Limits = { minFontPx: 12, minLineHeightRatio: 1.3, minTargetPx: 44, maxPrimaryActions: 1 };

/** The limits a page breaks, in words (empty when it keeps them all). */
export function violations(metrics: PageMetrics, limits: Limits): string[] {
  const broken: string[] = [];
  if (metrics.minFontPx < limits.minFontPx) broken.push(`font ${metrics.minFontPx}px < ${limits.minFontPx}px ("${metrics.minFontText}")`);
  if (metrics.minLineHeightRatio < limits.minLineHeightRatio) broken.push(`line height ${metrics.minLineHeightRatio} < ${limits.minLineHeightRatio}`);
  if (metrics.minTargetPx < limits.minTargetPx) broken.push(`target ${metrics.minTargetPx}px < ${limits.minTargetPx}px (${metrics.minTargetName})`);
  if (metrics.minContrastMargin < 1) broken.push(`contrast ${metrics.minContrast}:1 below its limit ("${metrics.minContrastText}")`);
  if (metrics.primaryActions > limits.maxPrimaryActions) broken.push(`${metrics.primaryActions} primary actions`);
  if (metrics.unnamed.length) broken.push(`unnamed: ${metrics.unnamed.join(', ')}`);
  if (metrics.noRole.length) broken.push(`no role: ${metrics.noRole.join(', ')}`);
  return broken;
}

/** The little of the DOM the measurement reads (this file is also compiled without the DOM library, for scripts/). */
interface El {
  tagName: string;
  className: string;
  parentElement: El | null;
  textContent: string | null;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getBoundingClientRect(): { width: number; height: number };
  closest(selector: string): El | null;
  contains(other: El): boolean;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface Computed {
  display: string;
  visibility: string;
  opacity: string;
  fontSize: string;
  fontWeight: string;
  lineHeight: string;
  color: string;
  backgroundColor: string;
}

/**
 * Runs in the browser (page.evaluate): walks the rendered mini-program DOM (wx-view,
 * wx-text, wx-button… as miniprogram-simulate renders them) under `root`.
 */
export function measureInBrowser(rootSelector: string): PageMetrics {
  const browser = globalThis as unknown as { document: { querySelector(selector: string): El | null }; getComputedStyle(el: El): Computed };
  const getComputedStyle = (el: El) => browser.getComputedStyle(el);
  const TEXT_NODE = 3;
  const root = browser.document.querySelector(rootSelector)!;
  const CONTROL_TAGS = new Set(['WX-BUTTON', 'WX-INPUT', 'WX-TEXTAREA', 'WX-SWITCH', 'WX-CHECKBOX', 'WX-RADIO', 'WX-PICKER', 'WX-NAVIGATOR', 'WX-SLIDER']);
  const CONTROL_ROLES = new Set(['button', 'switch', 'link', 'checkbox', 'radio', 'tab', 'menuitem', 'option', 'slider', 'textbox', 'combobox']);

  const visible = (el: El): boolean => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    for (let node: El | null = el; node && node !== root.parentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      if (node.getAttribute('aria-hidden') === 'true') return false;
    }
    return true;
  };
  /** Built-in controls, ARIA control roles, and anything with a tap handler (data-a11y-tap, from the render). */
  // TDesign binds tap inside display pieces (tag, icon, image, badge) and every cell whether or
  // not a page listens: a cell is a control when it says so (arrow → role button, or aria-role).
  const DISPLAY_ONLY = /(^|\s)t-(tag|icon|image|badge|loading|cell)--t-(tag|icon|image|badge|loading|cell)(\s|$)/;
  const isControl = (el: El): boolean =>
    CONTROL_TAGS.has(el.tagName) || CONTROL_ROLES.has(el.getAttribute('aria-role') ?? '') || (el.hasAttribute('data-a11y-tap') && !DISPLAY_ONLY.test(el.className));
  const disabled = (el: El): boolean => {
    for (let node: El | null = el; node && node !== root; node = node.parentElement) {
      if (node.getAttribute('aria-disabled') === 'true' || /--disabled\b/.test(node.className)) return true;
    }
    return false;
  };
  const nameOf = (el: El): string => (el.getAttribute('aria-label') ?? '').trim() || (el.textContent ?? '').trim();
  const describe = (el: El): string => `${el.tagName.toLowerCase()}.${(el.className || '').toString().trim().split(/\s+/)[0] ?? ''}`;

  const parse = (color: string): [number, number, number, number] => {
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a === undefined || Number.isNaN(a) ? 1 : a];
  };
  const over = (top: [number, number, number, number], below: [number, number, number]): [number, number, number] =>
    [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])) as [number, number, number];
  /** What is painted behind an element: its ancestors' backgrounds, blended from the page down. */
  const backdrop = (el: El): [number, number, number] => {
    const layers: Array<[number, number, number, number]> = [];
    for (let node: El | null = el; node; node = node.parentElement) layers.push(parse(getComputedStyle(node).backgroundColor));
    let colour: [number, number, number] = [255, 255, 255];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = ([r, g, b]: [number, number, number]) => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: [number, number, number], b: [number, number, number]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  const metrics: PageMetrics = {
    minFontPx: Infinity,
    minFontText: '',
    minLineHeightRatio: Infinity,
    minTargetPx: Infinity,
    minTargetName: '',
    minContrast: Infinity,
    minContrastText: '',
    minContrastMargin: Infinity,
    primaryActions: 0,
    unnamed: [],
    noRole: [],
    controls: 0,
  };

  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!visible(el)) continue;
    const ownText = Array.from(el.childNodes)
      .filter((node) => node.nodeType === TEXT_NODE)
      .map((node) => node.textContent ?? '')
      .join('')
      .trim();
    if (ownText) {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (size < metrics.minFontPx) {
        metrics.minFontPx = size;
        metrics.minFontText = ownText.slice(0, 24);
      }
      const lineHeight = style.lineHeight === 'normal' ? 1.2 * size : parseFloat(style.lineHeight);
      metrics.minLineHeightRatio = Math.min(metrics.minLineHeightRatio, Math.round((lineHeight / size) * 100) / 100);
      if (!disabled(el)) {
        const ratio = contrast(over(parse(style.color), backdrop(el)), backdrop(el));
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const margin = ratio / (large ? 3 : 4.5);
        if (margin < metrics.minContrastMargin) {
          metrics.minContrastMargin = Math.round(margin * 100) / 100;
          metrics.minContrast = Math.round(ratio * 100) / 100;
          metrics.minContrastText = ownText.slice(0, 24);
        }
      }
    }
    if (el.tagName === 'WX-IMAGE' && !(el.getAttribute('aria-label') ?? '').trim() && el.getAttribute('aria-hidden') !== 'true') metrics.unnamed.push(describe(el));
    if (!isControl(el)) continue;
    // A control inside another control (TDesign's switch inside a 长辈版 row) is reached through the outer one.
    const outer = el.parentElement?.closest('[aria-role],[data-a11y-tap]');
    if (outer && root.contains(outer) && isControl(outer) && nameOf(outer)) continue;
    metrics.controls++;
    // An input's target is its whole field row (TDesign's t-input), not the text line inside it.
    const target = el.tagName === 'WX-INPUT' || el.tagName === 'WX-TEXTAREA' ? (el.closest('[class*="t-input--t-input "],[class*="t-textarea--t-textarea "],[class*="t-search--t-search__input-box"]') ?? el) : el;
    const box = target.getBoundingClientRect();
    const side = Math.round(Math.min(box.width, box.height) * 10) / 10;
    if (side < metrics.minTargetPx) {
      metrics.minTargetPx = side;
      metrics.minTargetName = `${describe(el)} "${nameOf(el).slice(0, 16)}"`;
    }
    // A field is named by its label in the same row (TDesign's t-input label) or its placeholder.
    const named = nameOf(el) || (target !== el ? (target.textContent ?? '').trim() : '') || (el.getAttribute('placeholder') ?? '').trim();
    if (!named) metrics.unnamed.push(describe(el));
    if ((el.tagName === 'WX-VIEW' || el.tagName === 'WX-TEXT') && !el.getAttribute('aria-role')) metrics.noRole.push(`${describe(el)} "${nameOf(el).slice(0, 12)}"`);
    if (/t-button--primary/.test(el.className)) metrics.primaryActions++;
  }
  // Infinity stays: a page with no text or no control has nothing below a limit (JSON prints null).
  return metrics;
}
