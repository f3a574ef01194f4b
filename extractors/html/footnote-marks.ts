/**
 * A footnote's number set as a superscript after a figure (80<sup>1</sup>): read as text it glues onto
 * the figure (801), a wrong number nothing marks. Here it is spelled as the superscript characters it
 * shows (80¹), which the reading of values takes off as a footnote's mark (value-token.ts); in prose the
 * figure is read as printed. Only a sup of one or two digits right after a digit is a mark: m<sup>2</sup>
 * and 10<sup>-3</sup> are not changed.
 */
import { descendants, hasChildren, isElement, isText, type DomNode } from './dom.js';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export const superscriptDigits = (digits: string): string => digits.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);

/** Rewrites the page's footnote superscripts in place (`html`, the page's source, spares the walk of most pages); returns how many. */
export function markFootnoteReferences(root: DomNode, html: string): number {
  if (!/<sup[\s>]/i.test(html)) return 0;
  let before = '';
  let marked = 0;
  for (const node of descendants(root)) {
    if (isText(node)) {
      if (node.data.trim()) before = node.data;
      continue;
    }
    if (!isElement(node) || node.name !== 'sup' || !hasChildren(node)) continue;
    const texts = [...descendants(node)].filter(isText);
    const digits = texts.map((t) => t.data).join('').trim();
    if (!/^\d{1,2}$/.test(digits) || !/[0-9０-９]\s*$/.test(before)) continue;
    texts.forEach((t, i) => (t.data = i === 0 ? superscriptDigits(digits) : ''));
    marked++;
  }
  return marked;
}
