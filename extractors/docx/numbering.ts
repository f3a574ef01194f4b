/**
 * Word auto-numbering made visible. "一、总体情况" is often a heading whose "一、" is list numbering
 * (numbering.xml), not text; mammoth drops it, and the heading tree is rebuilt from those numbers.
 * Here each numbered paragraph gets its number as a leading text run and its numbering switched off,
 * so mammoth and the table reader both see the number as printed.
 */
import { load } from 'cheerio/slim';
import { hasChildren, isElement, type DomElement, type DomNode } from '../html/dom.js';
import {
  ListCounter, MAX_LEVELS, childNamed, intOf, parseNumbering, parseStyleNumbering, styleNumbering, val, type StyleNumbering,
} from './numbering-defs.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const NUMBERING_OFF = '<w:numPr><w:numId w:val="0"/></w:numPr>';

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

interface IndexedElement extends DomElement {
  startIndex: number;
  endIndex: number;
}

/** Paragraphs in document order, skipping mc:Fallback copies and deleted content. */
function paragraphs(root: DomNode): IndexedElement[] {
  const found: IndexedElement[] = [];
  const stack: DomNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node) && (node.name === 'mc:fallback' || node.name === 'w:del')) continue;
    if (isElement(node) && node.name === 'w:p') found.push(node as IndexedElement);
    if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

/**
 * document.xml with every auto-numbered paragraph's number written out as text, or the input
 * unchanged when nothing is numbered. String edits at parser offsets: the rest of the XML is untouched.
 */
export function writeOutNumbering(documentXml: string, numberingXml: string, stylesXml: string | undefined): string {
  const defs = parseNumbering(numberingXml);
  if (defs.abstractOf.size === 0) return documentXml;
  const styles = stylesXml ? parseStyleNumbering(stylesXml) : new Map<string, StyleNumbering>();
  const counter = new ListCounter(defs);
  const root = load(documentXml, { xml: { xmlMode: true, lowerCaseTags: true, lowerCaseAttributeNames: true, withStartIndices: true, withEndIndices: true } }).root()[0] as unknown as DomNode;
  const edits: Edit[] = [];
  for (const p of paragraphs(root)) {
    const pPr = childNamed(p, 'w:ppr') as IndexedElement | undefined;
    const own = childNamed(pPr, 'w:numpr') as IndexedElement | undefined;
    const fromStyle = styleNumbering(styles, val(childNamed(pPr, 'w:pstyle')));
    const numId = val(childNamed(own, 'w:numid')) ?? fromStyle.numId;
    if (!numId || numId === '0') continue;
    const ilvl = intOf(val(childNamed(own, 'w:ilvl')), fromStyle.ilvl ?? 0);
    const label = counter.label(numId, Math.min(Math.max(ilvl, 0), MAX_LEVELS - 1));
    if (!label || !pPr) continue;
    if (own) edits.push({ at: own.startIndex, remove: own.endIndex + 1 - own.startIndex, insert: NUMBERING_OFF });
    else edits.push({ at: documentXml.indexOf('>', pPr.startIndex) + 1, remove: 0, insert: NUMBERING_OFF });
    edits.push({ at: pPr.endIndex + 1, remove: 0, insert: `<w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>` });
  }
  if (!edits.length) return documentXml;
  edits.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    out += documentXml.slice(from, edit.at) + edit.insert;
    from = edit.at + edit.remove;
  }
  return out + documentXml.slice(from);
}
