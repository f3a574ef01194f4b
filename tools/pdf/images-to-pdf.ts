/**
 * Image-only PDFs, as scanners write them: one image per page drawn over the whole page, optionally
 * turned (a skewed feed) or stored landscape with /Rotate 90. Used by the scanned-PDF test helper and by
 * the variety generator's scans.
 */
import { deflateSync } from 'node:zlib';
import type { GrayImage } from '../../extractors/pdf/ocr/pgm.js';

export interface ImagePage {
  /** A JPEG file's bytes (drawn as they are, DCTDecode)… */
  jpeg?: Buffer;
  /** …or 8-bit gray samples (Flate-compressed). */
  gray?: GrayImage;
  /** Page size in points. */
  width: number;
  height: number;
  skewDegrees?: number;
  rotate90?: boolean;
}

/** A minimal PDF: catalog, page tree, and per page one image XObject (JPEG or gray) drawn over the whole page. */
export function imagesToPdf(pages: ImagePage[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // page tree, filled in once the page ids are known
  const pageIds: number[] = [];
  for (const page of pages) {
    const image = add(imageXObject(page, stream));
    // Turned: user space is landscape and is displayed a quarter turn clockwise, so the image is drawn
    // a quarter turn anticlockwise (display x = user y, display y = user width - user x).
    const place = page.rotate90 ? `0 ${page.width} ${-page.height} 0 ${page.height} 0` : `${page.width} 0 0 ${page.height} 0 0`;
    const mediaBox = page.rotate90 ? `0 0 ${page.height} ${page.width}` : `0 0 ${page.width} ${page.height}`;
    const content = add(stream('', Buffer.from(`q ${skew(page)} cm ${place} cm /Im1 Do Q`, 'latin1')));
    pageIds.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}]${page.rotate90 ? ' /Rotate 90' : ''} /Resources << /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`, 'latin1');

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A rotation about the page centre; clockwise on the page is negative in PDF's y-up space. */
function skew(page: ImagePage): string {
  const radians = (-(page.skewDegrees ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const [cx, cy] = [page.width / 2, page.height / 2];
  return [cos, sin, -sin, cos, cx - cx * cos + cy * sin, cy - cx * sin - cy * cos].map((n) => n.toFixed(6)).join(' ');
}

/** Reads the pixel size from the JPEG's start-of-frame marker. */
function jpegSize(jpeg: Buffer): { pixelWidth: number; pixelHeight: number; components: number } {
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error('not a JPEG: bad marker');
    const marker = jpeg[at + 1];
    const length = jpeg.readUInt16BE(at + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { pixelHeight: jpeg.readUInt16BE(at + 5), pixelWidth: jpeg.readUInt16BE(at + 7), components: jpeg[at + 9] };
    }
    at += 2 + length;
  }
  throw new Error('not a JPEG: no start-of-frame marker');
}

function imageXObject(page: ImagePage, stream: (dict: string, data: Buffer) => Buffer): Buffer {
  if (page.gray) {
    const { width, height, pixels } = page.gray;
    return stream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels));
  }
  if (!page.jpeg) throw new Error('an image page needs a JPEG or gray samples');
  const { pixelWidth, pixelHeight, components } = jpegSize(page.jpeg);
  const colorSpace = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
  return stream(`/Type /XObject /Subtype /Image /Width ${pixelWidth} /Height ${pixelHeight} /ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode`, page.jpeg);
}
