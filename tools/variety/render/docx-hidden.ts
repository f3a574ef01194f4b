/**
 * Hidden text in a Word document (axis invisible, kind `hidden-text`). LibreOffice does not carry a
 * page's display:none into Word, so the generator marks the text to hide (./marks.ts), lets
 * LibreOffice save the page as DOCX, and then turns every marked stretch into runs with Word's hidden font (`<w:vanish/>`), as an editor who hid last year's figure leaves
 * them. LibreOffice may split a marked stretch over several runs (it starts a new run where the script
 * changes), so the marks are followed from run to run.
 */
import { openZip } from '../../../extractors/docx/zip.js';
import { writeStoredZip } from '../../../extractors/docx/write-zip.js';
import { WORD_RUN } from '../../../extractors/docx/hidden.js';
import { HIDE_END, HIDE_START, withoutHidden } from './marks.js';

const PROPERTIES = /^\s*<w:rPr(?:\s[^>]*)?>([\s\S]*?)<\/w:rPr>/;

/** document.xml with each marked stretch in runs of their own, hidden; the marks gone. */
export function hideMarkedRuns(documentXml: string): string {
  let hiding = false;
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
    return pieces.map((p) => `<w:r><w:rPr>${properties}${p.hidden ? '<w:vanish/>' : ''}</w:rPr><w:t xml:space="preserve">${p.text}</w:t></w:r>`).join('');
  });
}

/** The DOCX with its marked stretches hidden; the bytes unchanged when nothing is marked. */
export async function hideMarkedText(docx: Buffer): Promise<Buffer> {
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
    const hidden = part.name === 'word/document.xml' ? hideMarkedRuns(xml) : withoutHidden(xml);
    part.data = Buffer.from(hidden, 'utf8');
  }
  return marked ? writeStoredZip(parts) : docx;
}
