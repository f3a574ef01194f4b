/**
 * Elements a page hides through its own stylesheet (`<style>.hide{display:none}</style>` and
 * `<td class="hide">`), marked with the `hidden` attribute so that every walk drops them as it drops an
 * inline display:none (noise.ts). A reader of the page never sees them: last year's table kept in the
 * page, a duplicate for another layout, a cell a template no longer shows.
 *
 * Only rules whose selectors are one class or one id (optionally after a tag name) count: what a
 * descendant or attribute selector hides would need a CSS engine, and a rule inside @media (print-only
 * hiding, a phone layout) does not hold for the page as a reader sees it on screen; both are left shown.
 * Nested hidden elements are counted twice in the share below: it errs towards hiding nothing.
 */
import { descendants, isElement, isText, type DomElement, type DomNode } from './dom.js';

const HIDES = /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const SIMPLE_SELECTOR = /^[a-z][a-z0-9]*?([.#])([-_a-z0-9]+)$|^([.#])([-_a-z0-9]+)$/i;
/** At-rule blocks (@media, @supports, @font-face…), one level of nested rules: set aside before the rules are read. */
const AT_BLOCK = /@[a-z-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/gi;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
const MAX_STYLESHEET_CHARS = 1_000_000;

interface HiddenSelectors {
  classes: Set<string>;
  ids: Set<string>;
}

function hiddenSelectors(css: string): HiddenSelectors {
  const found: HiddenSelectors = { classes: new Set(), ids: new Set() };
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(AT_BLOCK, '');
  for (const [, selectors, declarations] of plain.matchAll(RULE)) {
    if (!HIDES.test(`;${declarations}`)) continue;
    for (const selector of selectors!.split(',')) {
      const simple = SIMPLE_SELECTOR.exec(selector.trim());
      if (!simple) continue;
      const kind = simple[1] ?? simple[3];
      const name = (simple[2] ?? simple[4])!;
      (kind === '.' ? found.classes : found.ids).add(name);
    }
  }
  return found;
}

function styleText(el: DomElement): string {
  return el.children.map((c) => ('data' in c && typeof c.data === 'string' ? c.data : '')).join('');
}

const HIDING = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Marks the elements the page's stylesheets hide (`html`, the page's source, spares the walk of most pages); returns how many. */
export function markHiddenByStylesheet(root: DomNode, html: string): number {
  if (!/<style/i.test(html) || !HIDING.test(html)) return 0;
  let css = '';
  for (const node of descendants(root)) {
    if (isElement(node) && node.name === 'style') css += `${styleText(node)}\n`;
    if (css.length > MAX_STYLESHEET_CHARS) break;
  }
  if (!HIDING.test(css)) return 0;
  const { classes, ids } = hiddenSelectors(css);
  if (classes.size === 0 && ids.size === 0) return 0;
  const hiding: DomElement[] = [];
  for (const node of descendants(root)) {
    if (!isElement(node) || node.name === 'style' || 'hidden' in node.attribs) continue;
    const id = node.attribs.id;
    const own = node.attribs.class;
    if ((id && ids.has(id)) || (own && own.split(/\s+/).some((c) => classes.has(c)))) hiding.push(node);
  }
  // A page whose stylesheet hides most of its text shows it by a script (a tab, a "loading" veil lifted on
  // load): what a reader sees is that text, so nothing is hidden.
  if (!hiding.length || 2 * hiding.reduce((n, el) => n + textLength(el), 0) > textLength(root)) return 0;
  for (const el of hiding) el.attribs.hidden = '';
  return hiding.length;
}

function textLength(root: DomNode): number {
  let n = 0;
  for (const node of descendants(root)) if (isText(node)) n += node.data.trim().length;
  return n;
}
