/**
 * A PDF whose fonts carry no ToUnicode map: what older Word and WPS exports, some print drivers and
 * font subsetters publish. The glyphs look the same, but the codes behind them name no characters, so
 * a reader that trusts the text gets symbol soup — or, for a font whose codes happen to be digits,
 * other digits. Made from the LibreOffice PDF with qpdf: the file is expanded (QDF), the /ToUnicode
 * entries of the chosen fonts are taken out of their font dictionaries, and it is written back
 * compressed (the orphaned maps dropped).
 */
import { editExpandedPdf } from './qdf-edit.js';

/**
 * Which fonts lose their map: all of them, only those whose map gives Chinese characters (the body
 * text, digits included in a CJK font), or only the others (a Latin font holding digits: LibreOffice
 * sets bold figures such as a title's year in one).
 */
export type UnmappedFonts = 'all' | 'cjk' | 'latin';
export const UNMAPPED_FONTS: readonly UnmappedFonts[] = ['all', 'cjk', 'latin'];

export async function pdfWithoutToUnicode(sourcePdf: string, targetPdf: string, fonts: UnmappedFonts): Promise<void> {
  await editExpandedPdf(sourcePdf, targetPdf, (text) => {
    const { text: out, removed } = withoutToUnicode(text, fonts);
    if (removed === 0) throw new Error(`no font of ${fonts === 'all' ? 'any' : fonts} kind carries a ToUnicode map`);
    return out;
  });
}

/** The QDF text with the /ToUnicode entries of the chosen fonts removed, and how many were removed. */
export function withoutToUnicode(qdf: string, fonts: UnmappedFonts): { text: string; removed: number } {
  const objects = new Map<string, string>();
  for (const m of qdf.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(m[1], m[2]);
  let removed = 0;
  const text = qdf.replace(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g, (whole, id: string, body: string) => {
    if (!/\/Type \/Font\b/.test(body)) return whole;
    const ref = /\n *\/ToUnicode (\d+) 0 R *(?=\n)/.exec(body);
    if (!ref) return whole;
    const cjk = mapsToCjk(objects.get(ref[1]) ?? '');
    if ((fonts === 'cjk' && !cjk) || (fonts === 'latin' && cjk)) return whole;
    removed++;
    return `\n${id} 0 obj\n${body.replace(ref[0], '')}\nendobj`;
  });
  return { text, removed };
}

/** Whether a ToUnicode CMap maps any code to a CJK ideograph (U+4E00–U+9FFF). */
function mapsToCjk(cmap: string): boolean {
  // The destination is the last hex string of each bfchar or bfrange line.
  for (const line of cmap.split('\n')) {
    const hex = line.match(/<([0-9A-Fa-f]+)>/g);
    if (!hex || hex.length < 2) continue;
    const code = parseInt(hex[hex.length - 1].slice(1, 5), 16);
    if (code >= 0x4e00 && code <= 0x9fff) return true;
  }
  return false;
}
