/**
 * Where the report is on a portal page. Government CMSs (TRS, Hanweb/UCAP, Kaipu …) put the article in
 * a handful of well-known containers; when none holds text, the body is the element that holds most of
 * the page's text once chrome is set aside.
 */
import { descendants, hasChildren, isElement, type DomElement, type DomNode } from './dom.js';
import { isLayoutTable, tablesWithNestedTables } from './layout.js';

/** Known article containers, most specific first (a TRS_Editor sits inside an article_content). */
const CONTAINERS: Array<{ kind: 'class' | 'id' | 'tag'; name: string }> = [
  { kind: 'class', name: 'trs_editor' },
  { kind: 'id', name: 'ucap-content' },
  { kind: 'id', name: 'zoom' },
  { kind: 'class', name: 'article_content' },
  { kind: 'class', name: 'article-content' },
  { kind: 'class', name: 'pages_content' },
  { kind: 'class', name: 'zw' },
  { kind: 'class', name: 'wzzw' },
  { kind: 'class', name: 'view' },
  { kind: 'id', name: 'content' },
  { kind: 'class', name: 'article' },
  { kind: 'tag', name: 'article' },
  { kind: 'class', name: 'content' },
  { kind: 'class', name: 'main-content' },
];

/** The container class names: a class list that holds none of them as text names no container. */
const CONTAINER_CLASSES = CONTAINERS.filter((c) => c.kind === 'class').map((c) => c.name);
const NO_CLASSES: string[] = [];

/** A container with less text than this is a teaser or an empty template slot, not the report. */
const MIN_CONTAINER_CHARS = 100;
const WRAPPERS = new Set(['div', 'section', 'article', 'main', 'center', 'form', 'body', 'html', 'tbody', 'thead', 'tr', 'td', 'th']);
/**
 * A known container must hold this share of the page's text (chrome excluded); below it, a matching
 * class is a teaser box or sidebar and the text-share fallback decides.
 */
const MIN_CONTAINER_SHARE = 0.25;
/** In the fallback, descend while one child still holds this share of the text. */
const DOMINANT_SHARE = 0.7;

function matches(el: DomElement, classes: string[], container: (typeof CONTAINERS)[number]): boolean {
  if (container.kind === 'tag') return el.name === container.name;
  if (container.kind === 'id') return (el.attribs.id ?? '').toLowerCase() === container.name;
  return classes.includes(container.name);
}

function knownContainer(root: DomNode, lengths: Map<DomNode, number>): DomElement | undefined {
  const minimum = Math.max(MIN_CONTAINER_CHARS, (lengths.get(pageBody(root)) ?? 0) * MIN_CONTAINER_SHARE);
  const best: Array<DomElement | undefined> = CONTAINERS.map(() => undefined);
  for (const node of descendants(root)) {
    if (!isElement(node)) continue;
    const { class: classText, id } = node.attribs;
    if (!classText && !id && node.name !== 'article') continue;
    // Most class lists name no container: only those that may are split into names.
    const lower = classText ? classText.toLowerCase() : '';
    const classes = lower && CONTAINER_CLASSES.some((name) => lower.includes(name)) ? lower.split(/\s+/) : NO_CLASSES;
    for (let i = 0; i < CONTAINERS.length; i++) {
      const current = best[i];
      if (matches(node, classes, CONTAINERS[i]) && (!current || (lengths.get(node) ?? 0) > (lengths.get(current) ?? 0))) best[i] = node;
    }
  }
  return best.find((el) => el !== undefined && (lengths.get(el) ?? 0) >= minimum);
}

function pageBody(root: DomNode): DomNode {
  for (const node of descendants(root)) if (isElement(node) && node.name === 'body') return node;
  return root;
}

/**
 * From <body>, follow the child that holds most of the text while it holds a dominant share of it.
 * Layout tables (old portals' page frames) are entered; data tables are not, because the walk must
 * see a data table whole to build it.
 */
function dominantElement(start: DomNode, lengths: Map<DomNode, number>): DomNode {
  const total = lengths.get(start) ?? 0;
  const nesting = tablesWithNestedTables(start);
  const enterable = (el: DomElement) => WRAPPERS.has(el.name) || (el.name === 'table' && isLayoutTable(el, lengths, nesting));
  let current = start;
  for (;;) {
    if (!hasChildren(current) || total === 0) return current;
    let next: DomElement | undefined;
    for (const child of current.children) {
      if (isElement(child) && (lengths.get(child) ?? 0) >= total * DOMINANT_SHARE) next = child;
    }
    // A paragraph holding most of the text is part of the body, not the body.
    if (!next || !enterable(next)) return current;
    current = next;
  }
}

export interface FoundBody {
  body: DomNode;
  /** 'container' when a known article container was found, 'dominant' for the text-share fallback. */
  how: 'container' | 'dominant';
}

/**
 * `lengths` must count only body text (noise and chrome excluded), so that menus and footers neither
 * win the container race nor keep the fallback from descending.
 */
export function findBody(root: DomNode, lengths: Map<DomNode, number>): FoundBody {
  const container = knownContainer(root, lengths);
  if (container) return { body: container, how: 'container' };
  return { body: dominantElement(pageBody(root), lengths), how: 'dominant' };
}
