/**
 * Hidden text in a Word document (axis invisible, kind `hidden-text`). LibreOffice does not carry a
 * page's display:none into Word, so the generator marks the text to hide (./marks.ts), lets
 * LibreOffice save the page as DOCX, and then turns every marked stretch into runs Word neither shows
 * nor prints: runs in its hidden font (`<w:vanish/>`), as an editor who hid last year's figure leaves
 * them, or runs deleted with track changes on (`<w:del>` around `<w:delText>`), as a document sent for
 * review and published before its changes were accepted leaves them. LibreOffice may split a marked
 * stretch over several runs (it starts a new run where the script changes), so the marks are followed
 * from run to run.
 */
import { openZip } from '../../../extractors/docx/zip.js';
import { writeStoredZip } from '../../../extractors/docx/write-zip.js';
import { WORD_RUN } from '../../../extractors/docx/hidden.js';
import { HIDE_END, HIDE_START, withoutHidden } from './marks.js';

const PROPERTIES = /^\s*<w:rPr(?:\s[^>]*)?>([\s\S]*?)<\/w:rPr>/;

/** How a Word document keeps the marked text from showing. */
export type WordHiding = 'vanish' | 'deleted';
export const WORD_HIDINGS: readonly WordHiding[] = ['vanish', 'deleted'];

/** A run of marked text as Word keeps it unshown. */
function unshownRun(properties: string, text: string, how: WordHiding, id: number): string {
  if (how === 'vanish') return `<w:r><w:rPr>${properties}<w:vanish/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
  return `<w:del w:id="${id}" w:author="审核" w:date="2025-01-20T09:00:00Z"><w:r><w:rPr>${properties}</w:rPr><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
}

/** document.xml with each marked stretch in runs of their own, unshown as `how` says; the marks gone. */
export function hideMarkedRuns(documentXml: string, how: WordHiding = 'vanish'): string {
  let hiding = false;
  let revision = 9000;
  return documentXml.replace(WORD_RUN, (run, inner: string) => {
    const text = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/.exec(inner);
    if (!text || (!hiding && !/[\ue000\ue001]/.test(text[1]!))) return run;
    // A run of one text element is what LibreOffice writes for a page's text; anything else would lose its tabs or breaks here.
    if ((inner.match(/<w:t[\s>]/g) ?? []).length !== 1) throw new Error('a marked stretch of hidden text in a run of more than text');
    const properties = PROPERTIES.exec(inner)?.[1] ?? '';
    const pieces: { text: string; hidden: boolean }[] = [];
    let piece = '';
    for (const ch of text[1]!) {
      if (ch !== HIDE_START && ch !== HIDE_END) {
        piece += ch;
        continue;
      }
      if (piece) pieces.push({ text: piece, hidden: hiding });
      piece = '';
      hiding = ch === HIDE_START;
    }
    if (piece) pieces.push({ text: piece, hidden: hiding });
    return pieces
      .map((p) => (p.hidden ? unshownRun(properties, p.text, how, revision++) : `<w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${p.text}</w:t></w:r>`))
      .join('');
  });
}

/** The DOCX with its marked stretches hidden; the bytes unchanged when nothing is marked. */
export async function hideMarkedText(docx: Buffer, how: WordHiding = 'vanish'): Promise<Buffer> {
  const zip = await openZip(docx);
  const parts: { name: string; data: Buffer }[] = [];
  try {
    for (const name of zip.parts.keys()) if (!name.endsWith('/')) parts.push({ name, data: (await zip.read(name))! });
  } finally {
    zip.close();
  }
  let marked = false;
  for (const part of parts) {
    const xml = part.data.toString('utf8');
    if (!xml.includes(HIDE_START)) continue;
    marked = true;
    // The body hides its marked text; elsewhere (the document's title LibreOffice took from the page's <title>) it goes.
    const hidden = part.name === 'word/document.xml' ? hideMarkedRuns(xml, how) : withoutHidden(xml);
    part.data = Buffer.from(hidden, 'utf8');
  }
  return marked ? writeStoredZip(parts) : docx;
}
