/**
 * Small PDFs that exercise what the corpus does not: form XObjects, images of every kind, inline
 * images, soft masks, curves, degenerate rectangles, content arrays, inherited resources, and the
 * three ways of storing the object table.
 */
import zlib from 'node:zlib';
import { buildPdf, pagesPdf, stream, type Body } from './pdf-builder.js';

export interface SyntheticPdf {
  name: string;
  bytes: Buffer;
}

const grid = (x0: number, y0: number, cols: number, rows: number, size: number): string => {
  const out: string[] = [];
  for (let r = 0; r <= rows; r++) out.push(`${x0} ${y0 + r * size} m ${x0 + cols * size} ${y0 + r * size} l`);
  for (let c = 0; c <= cols; c++) out.push(`${x0 + c * size} ${y0} m ${x0 + c * size} ${y0 + rows * size} l`);
  return `${out.join('\n')} S`;
};

/** Binary data that holds "EI" in the middle, as real image data can. */
export function binaryWithEi(length: number): Buffer {
  const data = Buffer.alloc(length);
  for (let k = 0; k < length; k++) data[k] = (k * 37 + 11) & 0xff;
  data.write('EI ', 3, 'latin1');
  data[6] = 0x80; // not printable after "EI ": pdf.js's check rejects this EI, so do we
  data.write('\nEI\n', 10, 'latin1'); // and an "EI" with whitespace on both sides inside the data
  return data;
}

export function syntheticPdfs(): SyntheticPdf[] {
  const out: SyntheticPdf[] = [];
  const drawing = [
    '0.5 w',
    grid(50, 500, 4, 3, 40),
    'q 1 0 0 1 300 0 cm',
    grid(0, 500, 2, 2, 30),
    'Q',
    // Hairline fills, a thick fill (not a ruling), a zero-height and a zero-width rectangle.
    '50 450 300 0.5 re f 50 400 0.8 40 re f* 50 300 200 30 re f 60 250 100 0 re S 70 200 0 40 re S',
    // Curves (v and y), closed subpaths, every painting operator.
    '100 100 m 150 150 200 100 v 250 50 300 100 y S 300 300 m 350 300 l 350 350 l h S',
    '10 10 m 40 10 l 40 40 l s 10 60 m 40 60 l 40 90 l b 10 110 m 40 110 l 40 140 l b*',
    '60 10 m 90 10 l 90 40 l B 60 60 m 90 60 l 90 90 l B* 60 110 m 90 110 l 90 140 l F',
    // A clip path paints nothing.
    '0 0 595 842 re W n',
    // Text with strings holding operators and parens: must be skipped.
    'BT /F1 12 Tf 100 700 Td (a \\) 0 5 m 590 5 l S \\( (nested) ) Tj [(x) -20 <414243>] TJ ET',
    '/Span << /ActualText (0 7 m 500 7 l S) /MCID 3 >> BDC EMC',
  ].join('\n');
  out.push({ name: 'paths', bytes: pagesPdf([drawing], { resources: '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>' }) });
  for (const xref of ['stream', 'objstm', 'none'] as const) {
    out.push({ name: `paths, xref ${xref}`, bytes: pagesPdf([drawing, grid(100, 100, 3, 3, 20)], { xref }) });
  }

  // Form XObjects: identity, nested, with their own resources, drawn twice.
  const formResources = '<< /XObject << /Fm1 5 0 R /Fm2 6 0 R >> >>';
  out.push({
    name: 'form XObjects',
    bytes: buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${formResources} /Contents 4 0 R >>`,
      stream('', `q 1 0 0 1 10 20 cm /Fm1 Do Q /Fm1 Do ${grid(300, 300, 1, 1, 50)}`),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Inner 6 0 R >> >>', `${grid(50, 50, 2, 2, 25)} q /Inner Do Q`),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842]', `q 0 0 m 100 0 l S`),
    ]),
  });

  // Images: an XObject image, an image mask, a 1×1 solid mask, a masked image, small and large inline images.
  const pixels = Buffer.alloc(4 * 4 * 3, 0x7f);
  const imageExtras: Body[] = [
    stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8', pixels),
    stream('/Type /XObject /Subtype /Image /Width 8 /Height 2 /ImageMask true', Buffer.from([0xf0, 0x0f])),
    stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ImageMask true', Buffer.from([0x00])),
    stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 7 0 R', pixels),
    stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(16, 0x40)),
  ];
  const imageResources = '<< /XObject << /Im1 5 0 R /Mk1 6 0 R /Dot 7 0 R /Masked 8 0 R >> >>';
  const inlineSmall = Buffer.concat([Buffer.from('q 20 0 0 20 100 100 cm BI /W 16 /H 1 /BPC 8 /CS /G ID ', 'latin1'), binaryWithEi(16), Buffer.from('\nEI Q\n', 'latin1')]);
  const inlineLarge = Buffer.concat([Buffer.from('BI /W 150 /H 1 /BPC 8 /CS /G ID\n', 'latin1'), binaryWithEi(150), Buffer.from(' EI\n', 'latin1')]);
  const inlineMask = Buffer.from('BI /W 8 /H 1 /IM true ID \xaaEI\n', 'latin1');
  const inlineHex = Buffer.from('BI /W 2 /H 2 /BPC 8 /CS /G /F /AHx ID 45490a4549> EI\n', 'latin1');
  const inlineFlate = Buffer.concat([Buffer.from('BI /W 3 /H 3 /BPC 8 /CS /RGB /F /Fl ID\n', 'latin1'), zlib.deflateSync(Buffer.alloc(27, 200)), Buffer.from('\nEI\n', 'latin1')]);
  const imagePage = (content: string | Buffer): Buffer =>
    stream('', Buffer.concat([typeof content === 'string' ? Buffer.from(content, 'latin1') : content, Buffer.from(`\n${grid(300, 600, 2, 1, 40)}`, 'latin1')]));
  const imagePages: Buffer[] = [
    imagePage('q 100 0 0 100 50 50 cm /Im1 Do Q'),
    imagePage('q 100 0 0 100 50 50 cm /Mk1 Do Q'),
    imagePage('q 100 0 0 100 50 50 cm /Dot Do Q'),
    imagePage('q 100 0 0 100 50 50 cm /Masked Do Q'),
    imagePage(inlineSmall),
    imagePage(inlineLarge),
    imagePage(inlineMask),
    imagePage(inlineHex),
    imagePage(inlineFlate),
    imagePage('/Missing Do'),
  ];
  const n = imagePages.length;
  const firstExtra = 3 + 2 * n;
  out.push({
    name: 'images',
    bytes: buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${imagePages.map((_, k) => `${3 + 2 * k} 0 R`).join(' ')}] /Count ${n} >>`,
      ...imagePages.flatMap((content, k) => [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${imageResources.replace(/(\d+) 0 R/g, (_, m: string) => `${Number(m) - 5 + firstExtra} 0 R`)} /Contents ${4 + 2 * k} 0 R >>`,
        content,
      ]),
      ...imageExtras.map((e) => (Buffer.isBuffer(e) ? Buffer.from(e.toString('latin1').replace('/SMask 7 0 R', `/SMask ${firstExtra + 4} 0 R`), 'latin1') : e)),
    ]),
  });

  // A picture painted inside a form XObject with its own /Matrix, and a grid beside it (where a table picture stands).
  out.push({
    name: 'image in a form with a matrix',
    bytes: buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm 5 0 R >> >> /Contents 4 0 R >>',
      stream('', `q 1 0 0 1 30 40 cm /Fm Do Q ${grid(100, 100, 2, 2, 30)}`),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 400 300] /Matrix [1 0 0 1 50 400] /Resources << /XObject << /Im 6 0 R >> >>', `q 300 0 0 200 10 20 cm /Im Do Q ${grid(10, 10, 1, 1, 20)}`),
      stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(16, 0x40)),
    ]),
  });

  // A searchable scan: an image over the page, text shown invisibly (Tr 3, in a q/Q and a form, and with Tj, TJ, ' and "), and one visible run.
  out.push({
    name: 'invisible text over an image',
    bytes: buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /XObject << /Im 6 0 R /Fm 5 0 R >> >> /Contents 4 0 R >>',
      stream('', `q 595 0 0 842 0 0 cm /Im Do Q BT /F1 10 Tf 3 Tr 50 700 Td (12) Tj [(3) 10 (4)] TJ 0 -12 Td (5) ' 1 2 (6) " ET q BT 0 Tr /F1 10 Tf 50 600 Td (visible) Tj ET Q /Fm Do BT /F1 10 Tf 50 500 Td (7) Tj ET`),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>', 'BT /F1 10 Tf 0 Tr 50 550 Td (in form) Tj ET'),
      stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(16, 0xf0)),
    ]),
  });

  // A soft mask whose group draws paths: pdf.js puts them in the operator list.
  out.push({
    name: 'soft mask group',
    bytes: buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /ExtGState << /GS1 5 0 R /GS2 7 0 R >> >> /Contents 4 0 R >>',
      stream('', `q /GS1 gs /GS2 gs ${grid(100, 100, 2, 2, 50)} Q`),
      '<< /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G 6 0 R >> >>',
      stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Group << /S /Transparency /CS /DeviceGray >>', `0 0 m 400 0 l S 10 10 400 1 re f`),
      '<< /Type /ExtGState /SMask /None /CA 0.5 >>',
    ]),
  });

  // Content as an array of streams, split between two operators; resources inherited from the tree.
  out.push({
    name: 'content array, inherited resources',
    bytes: buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /F 7 0 R >> >> >>',
      '<< /Type /Pages /Parent 2 0 R /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 842 595] /Rotate 90 /Contents [5 0 R 6 0 R] >>',
      stream('', '0.5 w 100 100 m 300 100 l', { flate: true }),
      stream('', 'S /F Do 100 200 m 100 400 l S'),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 842 595]', grid(400, 300, 2, 2, 20), { flate: true }),
    ]),
  });

  // Numbers as writers really print them, and operands pdf.js tolerates.
  out.push({
    name: 'odd numbers and operands',
    bytes: pagesPdf(['.5 w 100.0 100. m +300 100 l S -.5 0 m 0 -.5 l S 1e2 200 m 300 200 l S 100 300 m 200 300 l 1 2 S 10 10 m BM 20 20 l S', 'q q q 0 0 m 100 0 l S Q Q Q Q Q 0 1 m 100 1 l S']),
  });
  return out;
}
