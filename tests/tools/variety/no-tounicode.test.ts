/** Which fonts of a PDF (expanded by qpdf --qdf) lose their ToUnicode map for each choice of the format pdf-no-tounicode. */
import { describe, expect, it } from 'vitest';
import { withoutToUnicode } from '../../../tools/variety/render/no-tounicode.js';

const font = (id: number, name: string, map: number) => `\n${id} 0 obj\n<<\n  /BaseFont /${name}\n  /Subtype /Type1\n  /ToUnicode ${map} 0 R\n  /Type /Font\n>>\nendobj`;
const cmap = (id: number, pairs: string) => `\n${id} 0 obj\n<<\n  /Length 9\n>>\nstream\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n${pairs}\nendstream\nendobj`;
// A CJK font (its map gives 年 and 2), a Latin one holding only digits, and an object that is no font.
const QDF = `%PDF-1.4${font(1, 'NotoSerifCJK', 2)}${cmap(2, '2 beginbfchar\n<01> <5E74>\n<02> <0032>\nendbfchar')}${font(3, 'DejaVuSerif', 4)}${cmap(4, '1 beginbfrange\n<01> <03> <0030>\nendbfrange')}\n5 0 obj\n<<\n  /ToUnicode 2 0 R\n>>\nendobj\n`;

const kept = (text: string): string[] => [...text.matchAll(/\/BaseFont \/(\w+)\n  \/Subtype \/Type1\n  \/ToUnicode/g)].map((m) => m[1]!);

describe('withoutToUnicode', () => {
  it.each([
    ['all', ['NotoSerifCJK', 'DejaVuSerif'], []],
    ['cjk', ['NotoSerifCJK'], ['DejaVuSerif']],
    ['latin', ['DejaVuSerif'], ['NotoSerifCJK']],
  ] as const)('%s: takes the maps of %j out of their font dictionaries, keeps %j', (fonts, removed, left) => {
    const out = withoutToUnicode(QDF, fonts);
    expect(out.removed).toBe(removed.length);
    expect(kept(out.text)).toEqual(left);
    // The maps themselves and objects that are no font are left as they were (qpdf drops what is orphaned).
    expect(out.text).toContain('<01> <5E74>');
    expect(out.text).toContain('5 0 obj\n<<\n  /ToUnicode 2 0 R\n>>');
  });
});
