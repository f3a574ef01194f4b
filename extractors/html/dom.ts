/**
 * The few DOM facts the HTML reader needs, typed structurally so the reader does not depend on the
 * parser's own type package. Every walk here is iterative: hostile pages can nest elements
 * tens of thousands deep, which would overflow a recursive walk.
 */
import { load } from 'cheerio/slim';

export interface DomNode {
  type: string;
  parent: DomNode | null;
}
export interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}
export interface DomText extends DomNode {
  type: 'text';
  data: string;
}
export interface DomParent extends DomNode {
  children: DomNode[];
}

/** Elements that end the current line of text; everything else is inline. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside',
  'blockquote', 'pre', 'center', 'form', 'fieldset', 'address', 'figure', 'figcaption', 'hr', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

export function isElement(node: DomNode): node is DomElement {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}
export function isText(node: DomNode): node is DomText {
  return node.type === 'text';
}
export function hasChildren(node: DomNode): node is DomParent {
  return Array.isArray((node as DomParent).children);
}

/**
 * Parse with htmlparser2 (through cheerio's `xml` option in HTML mode): linear-time and forgiving,
 * unlike a spec parser that reconstructs formatting elements for every paragraph of a broken page.
 */
export function parseHtml(html: string): DomParent {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } });
  return $.root()[0] as unknown as DomParent;
}

/** All nodes under `root` in document order (root excluded), without recursion. */
export function* descendants(root: DomNode): Generator<DomNode> {
  if (!hasChildren(root)) return;
  const stack: DomNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

export function attr(el: DomElement, name: string): string {
  return el.attribs[name] ?? '';
}

/** Class names and id of an element, lower-cased, as one list of tokens. */
export function classAndId(el: DomElement): string[] {
  const tokens = attr(el, 'class').toLowerCase().split(/\s+/);
  const id = attr(el, 'id').toLowerCase();
  if (id) tokens.push(id);
  return tokens.filter(Boolean);
}

/**
 * Characters of text under each element (after whitespace is squeezed out), computed bottom-up in one
 * pass so body and layout decisions never re-read a subtree. Holds the root and the nodes with
 * children (text nodes, comments and other leaves are not looked up).
 */
export function textLengths(root: DomNode, skip: (el: DomElement) => boolean = () => false): Map<DomNode, number> {
  const lengths = new Map<DomNode, number>();
  const order: DomNode[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node) && skip(node)) continue;
    order.push(node);
    // Text nodes are counted where their parent sums its children: only nodes with children are looked up.
    if (hasChildren(node)) for (const child of node.children) if (hasChildren(child)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    let length = isText(node) ? nonSpaceLength(node.data) : 0;
    if (hasChildren(node)) for (const child of node.children) length += isText(child) ? nonSpaceLength(child.data) : lengths.get(child) ?? 0;
    lengths.set(node, length);
  }
  return lengths;
}

/**
 * `text.replace(/\s+/g, '').length` without building the squeezed string (a page has thousands of
 * text nodes): the UTF-16 units of `text` that are not JavaScript whitespace (\s: WhiteSpace and
 * LineTerminator).
 */
export function nonSpaceLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceUnit(text.charCodeAt(i))) length++;
  return length;
}

function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
