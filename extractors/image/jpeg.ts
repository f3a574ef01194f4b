/**
 * JPEG → gray bitmap by poppler, in its own short-lived process. resvg decodes a JPEG to RGB, copies it
 * into an RGBA pixmap and renders into a second one: a 35-megapixel phone photo of a report took ~580 MiB
 * in the worker (over its 512 MiB cap) before a single gray pixel existed. Here the JPEG's bytes are
 * wrapped, as they are, in a one-page PDF (a DCTDecode image filling a page one point per pixel) and
 * `pdftoppm -gray -r 72` draws it 1:1 into a PGM file; libjpeg decodes row by row, so pdftoppm holds about
 * the gray bitmap, and the worker only ever holds gray pixels (one byte each). poppler is already what the
 * OCR path needs (OCR_PACKAGES), and a picture is only decoded once OCR is known to be installed.
 */
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableDocumentError } from '../model.js';
import { parsePgm, type GrayImage } from '../pdf/ocr/pgm.js';
import { runTool } from '../pdf/ocr/tools.js';

/** Decoding a 35-megapixel JPEG takes about a second; a busy machine gets ample room. */
const DECODE_TIMEOUT_MS = 60_000;

/** See jpegPdf. */
const INSET = 0.5;

/** The colour spaces a PDF gives a DCT image of 1 or 3 components (4, CMYK, is left to resvg: Adobe's inverted CMYK needs a Decode array guess). */
const COLOUR_SPACES: Record<number, string> = { 1: '/DeviceGray', 3: '/DeviceRGB' };

/** Can poppler draw this JPEG as it is? (1 or 3 components.) */
export function popplerDecodes(components: number): boolean {
  return components in COLOUR_SPACES;
}

/** The JPEG's pixels as gray, at its own size; throws UnreadableDocumentError when poppler cannot draw it. */
export async function decodeJpegGray(bytes: Buffer, size: { width: number; height: number; components: number }): Promise<GrayImage> {
  const work = await mkdtemp(join(tmpdir(), 'nianbao-jpeg-'));
  try {
    await writeParts(join(work, 'picture.pdf'), jpegPdf(bytes, size));
    const base = join(work, 'gray');
    await runTool('pdftoppm', ['-gray', '-r', '72', '-singlefile', join(work, 'picture.pdf'), base], DECODE_TIMEOUT_MS);
    let gray: GrayImage;
    try {
      gray = parsePgm(await readFile(`${base}.pgm`));
    } catch (error) {
      throw new UnreadableDocumentError('corrupt-image', `the JPEG picture could not be decoded: ${(error as Error).message}`);
    }
    if (gray.width !== size.width || gray.height !== size.height) {
      throw new UnreadableDocumentError('corrupt-image', `the JPEG picture decodes to ${gray.width}×${gray.height}, not the ${size.width}×${size.height} its header states`);
    }
    return gray;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * A one-page PDF whose page is the JPEG, one point per pixel, as the pieces to write one after another:
 * the JPEG's bytes are not copied (a file may be up to maxFileBytes).
 */
export function jpegPdf(bytes: Buffer, size: { width: number; height: number; components: number }): Buffer[] {
  const { width, height } = size;
  // Drawn half a point short of the page's top and right edges: poppler's Splash widens an image to the pixel
  // after its far edge, so one filling the page exactly is drawn 1 pixel wider and higher, resampled (a
  // column and a row doubled, the text beyond them moved). Short of the edge, it is drawn pixel for pixel.
  const content = `q ${width - INSET} 0 0 ${height - INSET} 0 ${INSET} cm /Im0 Do Q`;
  const objects: Buffer[][] = [
    [Buffer.from('<< /Type /Catalog /Pages 2 0 R >>')],
    [Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>')],
    [Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`)],
    [
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${COLOUR_SPACES[size.components]} /BitsPerComponent 8 /Filter /DCTDecode /Length ${bytes.length} >>\nstream\n`),
      bytes,
      Buffer.from('\nendstream'),
    ],
    [Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)],
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const object = [Buffer.from(`${i + 1} 0 obj\n`), ...body, Buffer.from('\nendobj\n')];
    offsets.push(at);
    parts.push(...object);
    at += object.reduce((sum, part) => sum + part.length, 0);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return parts;
}

async function writeParts(path: string, parts: Buffer[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    // writeFile on a handle writes all of a part, from where the last one ended.
    for (const part of parts) await file.writeFile(part);
  } finally {
    await file.close();
  }
}
