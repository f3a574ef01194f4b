/**
 * What is not report text: elements that never render text (scripts, styles, form controls, Word's
 * XML islands), hidden elements, and portal chrome (navigation, breadcrumbs, share and print bars,
 * footers) that sits around or, on some portals, inside the article container.
 */
import { attr, classAndId, type DomElement } from './dom.js';

const NON_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'title',
  'meta', 'link', 'select', 'option', 'button', 'input', 'textarea', 'map', 'area', 'audio', 'video', 'xml',
]);
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
const CHROME_TOKEN =
  /(^|[-_])(nav|navbar|navigation|menu|crumbs?|breadcrumbs?|bread|position|location|weizhi|dqwz|share|fenxiang|print|dayin|footer|copyright|sidebar|toolbar|search|login|banner|friendlink|pagination|pager|related|xgwz)([-_]|$)/;
/** Hidden on screen; mso-hide:all is how Word's Save as HTML writes its hidden font. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/** Never text: dropped everywhere (body, cells, metadata scan). */
export function isNonText(el: DomElement): boolean {
  if (NON_TEXT.has(el.name)) return true;
  // Word's <xml> islands (document properties) are dropped above; its other namespaced elements
  // (<o:p>, <w:sdt>, <v:textbox>) are kept as inline wrappers because some of them hold real text.
  if ('hidden' in el.attribs) return true;
  const style = attr(el, 'style');
  return style !== '' && HIDDEN_STYLE.test(style);
}

export function isChrome(el: DomElement): boolean {
  if (CHROME_TAGS.has(el.name)) return true;
  const { class: classes, id } = el.attribs;
  if (!classes && !id) return false;
  // Pages repeat a few class names on thousands of elements, and every walk asks again: the verdict
  // is kept per class-and-id text.
  const text = `${(classes ?? '').length}:${classes ?? ''}${id ?? ''}`;
  let chrome = chromeByClassAndId.get(text);
  if (chrome === undefined) {
    chrome = classAndId(el).some((token) => CHROME_TOKEN.test(token));
    if (chromeByClassAndId.size >= MAX_CACHED_CLASS_TEXTS) chromeByClassAndId.clear();
    chromeByClassAndId.set(text, chrome);
  }
  return chrome;
}

const MAX_CACHED_CLASS_TEXTS = 10_000;
const chromeByClassAndId = new Map<string, boolean>();

/** The skip rule inside the report body: noise and chrome. */
export function isNotBodyText(el: DomElement): boolean {
  return isNonText(el) || isChrome(el);
}
