/**
 * Fonts for tests of how pdf.js gives their text: a hand-written Type3 font whose glyph names are
 * chosen by the test, and the Type1 program LibreOffice embeds (a CJK subset naming its glyphs cid…).
 */
import { execFileSync } from 'node:child_process';
import { buildPdf, stream } from './raw/pdf-builder.js';

/**
 * A one-page PDF showing `lines` (ASCII) in a Type3 font with no ToUnicode map: every code from 32 to
 * 126 draws a box and is named in /Differences by `glyphName(code)`. Whether its text means anything
 * rests on those names alone (zero, uni0030: yes; n7, glyph12: no).
 */
export function type3Pdf(lines: string[], glyphName: (code: number) => string): Buffer {
  const codes = Array.from({ length: 95 }, (_, i) => 32 + i);
  const text = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - 20 * i} Td (${line.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`).join('\n');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', text),
    `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << ${codes.map((c) => `/${glyphName(c)} 6 0 R`).join(' ')} >> /Encoding << /Type /Encoding /Differences [32 ${codes.map((c) => `/${glyphName(c)}`).join(' ')}] >> /FirstChar 32 /LastChar 126 /Widths [${codes.map(() => 600).join(' ')}] /Resources << >> >>`,
    stream('', '600 0 0 0 600 700 d1 50 0 500 700 re f'),
  ]);
}

/** The Type1 program LibreOffice embedded in the corpus's seed PDF (object 32), decoded by qpdf. */
const SEED_TYPE1 = { file: '../shared/corpus/rendered/seed-pdf.pdf', object: 32 };
export function corpusType1(): { program: Buffer; type1Lengths: [number, number, number] } {
  const dict = execFileSync('qpdf', [`--show-object=${SEED_TYPE1.object}`, SEED_TYPE1.file], { encoding: 'latin1' });
  const length = (key: string): number => Number(new RegExp(`/${key} (\\d+)`).exec(dict)?.[1]);
  const program = execFileSync('qpdf', [`--show-object=${SEED_TYPE1.object}`, '--filtered-stream-data', SEED_TYPE1.file], { maxBuffer: 1 << 24 });
  return { program, type1Lengths: [length('Length1'), length('Length2'), length('Length3')] };
}
