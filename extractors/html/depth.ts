/**
 * A guard against pathologically deep markup, run before parsing. The HTML parsers at hand keep their
 * open-element stack in a way that costs O(depth) per tag, so 100 000 nested elements take minutes;
 * real pages nest under a few hundred. This linear scan follows the open elements closely enough
 * (void elements, self-closing tags, implied closes of p/li/td/tr…, raw text of script/style) to
 * measure the depth the parser will reach.
 */

import { DEFAULT_LIMITS } from '../limits.js';

/** Far above any real page (Word-pasted pages with nested tables stay under ~300): maxMarkupDepth. */
export const MAX_NESTING_DEPTH: number = DEFAULT_LIMITS.maxMarkupDepth;
/** A close tag looks this far down the stack for its opener, as a bounded stand-in for the parser's search. */
const CLOSE_SEARCH_LIMIT = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'isindex']);
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'tbody', 'thead', 'tfoot']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);
// Names and attributes stop at '<' and are bounded, so a '<' never followed by '>' costs only the
// distance to the next '<' (a tag with a '<' inside an attribute value is skipped: fine for a guard).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:_.-]{0,64})(?:[\s/][^<>]{0,4096})?>/y;

/** The deepest nesting the page reaches, stopping early once it passes `limit`. */
export function nestingDepth(html: string, limit = MAX_NESTING_DEPTH): number {
  const stack: string[] = [];
  let deepest = 0;
  let at = html.indexOf('<');
  while (at >= 0 && at < html.length) {
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end < 0) break;
      at = html.indexOf('<', end + 3);
      continue;
    }
    TAG.lastIndex = at;
    const m = TAG.exec(html);
    if (!m) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    const [whole, closing, rawName] = m;
    const selfClosing = whole.endsWith('/>');
    const name = rawName.toLowerCase();
    at = html.indexOf('<', TAG.lastIndex);
    if (closing) {
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - CLOSE_SEARCH_LIMIT); i--) {
        if (stack[i] === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    if (VOID.has(name) || selfClosing) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    deepest = Math.max(deepest, stack.length);
    if (deepest > limit) return deepest;
    if (RAW_TEXT.has(name)) {
      // Markup-looking text inside a script or style is not markup: resume at its closing tag.
      stack.pop();
      const closer = closerOf(name);
      closer.lastIndex = TAG.lastIndex;
      const found = closer.exec(html);
      if (!found) break;
      at = found.index;
    }
  }
  return deepest;
}

/** The closing-tag pattern of each raw-text element, compiled once (global: lastIndex is set before every use). */
const CLOSERS = new Map<string, RegExp>();
function closerOf(name: string): RegExp {
  let closer = CLOSERS.get(name);
  if (!closer) CLOSERS.set(name, (closer = new RegExp(`</${name}`, 'ig')));
  return closer;
}

/**
 * Whether markup nests deeper than `limit`. Depth can never exceed the number of '<' in the text,
 * so the scan is skipped for the common page with fewer tags than the limit.
 */
export function nestsDeeperThan(markup: string, limit = MAX_NESTING_DEPTH): boolean {
  let tags = 0;
  for (let at = markup.indexOf('<'); at !== -1; at = markup.indexOf('<', at + 1)) {
    if (++tags > limit) return nestingDepth(markup, limit) > limit;
  }
  return false;
}

/**
 * Whether XML (document.xml) nests deeper than `limit`: open tags minus close tags, comments,
 * processing instructions and CDATA skipped. XML has no implied closes or void elements, so this is
 * exact for well-formed input and a fair bound for the rest, and far cheaper than the HTML scan.
 */
export function xmlNestsDeeperThan(xml: string, limit = MAX_NESTING_DEPTH): boolean {
  let depth = 0;
  let at = xml.indexOf('<');
  while (at !== -1) {
    const next = xml.charCodeAt(at + 1);
    if (next === 0x21 /* ! */) {
      const close = xml.startsWith('<!--', at) ? xml.indexOf('-->', at + 4) : xml.startsWith('<![CDATA[', at) ? xml.indexOf(']]>', at + 9) : xml.indexOf('>', at + 2);
      if (close === -1) return false;
      at = xml.indexOf('<', close + 1);
      continue;
    }
    const end = xml.indexOf('>', at + 1);
    if (end === -1) return false;
    if (next === 0x2f /* / */) depth = Math.max(0, depth - 1);
    else if (next !== 0x3f /* ? */ && xml.charCodeAt(end - 1) !== 0x2f) {
      if (++depth > limit) return true;
    }
    at = xml.indexOf('<', end + 1);
  }
  return false;
}
