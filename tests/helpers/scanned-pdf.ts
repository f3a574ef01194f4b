import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ScanOptions {
  /** Raster resolution of the fake scan; 200 dpi is a typical office scanner setting. */
  dpi?: number;
  /** JPEG quality 0..100 handed to pdftoppm. */
  quality?: number;
  /** Turn each page image clockwise by this many degrees about the page centre, as a skewed feed does. */
  skewDegrees?: number;
  /**
   * Store each page as a landscape page with /Rotate 90 and the image drawn turned, so it displays
   * upright: how some scanners file portrait pages.
   */
  rotate90?: boolean;
}

/**
 * Makes a "scanned" copy of a born-digital PDF: every page becomes a single JPEG image with no text
 * layer, on a page of the original's size, so positions on the copy match the original's exactly.
 */
export async function makeScannedPdf(sourcePdf: string, targetPdf: string, options: ScanOptions = {}): Promise<void> {
  const dpi = options.dpi ?? 200;
  const quality = options.quality ?? 85;
  const workDir = await mkdtemp(path.join(tmpdir(), 'nianbao-scan-'));
  try {
    const sizes = await pageSizes(sourcePdf);
    await run('pdftoppm', ['-jpeg', '-jpegopt', `quality=${quality}`, '-r', String(dpi), sourcePdf, path.join(workDir, 'p')], {
      timeout: 120_000,
      maxBuffer: 16 << 20,
    });
    // pdftoppm pads the page number to the width of the page count: sort numerically, not by name.
    const files = (await readdir(workDir))
      .filter((name) => name.endsWith('.jpg'))
      .sort((a, b) => pageNumberOf(a) - pageNumberOf(b));
    const jpegs = await Promise.all(files.map((name) => readFile(path.join(workDir, name))));
    await writeFile(targetPdf, imagesToPdf(jpegs.map((jpeg, i) => ({ jpeg, ...sizes[i], skewDegrees: options.skewDegrees, rotate90: options.rotate90 }))));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function pageNumberOf(fileName: string): number {
  return Number(/-(\d+)\.jpg$/.exec(fileName)?.[1] ?? NaN);
}

async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '100000', pdf], { timeout: 30_000, maxBuffer: 4 << 20 });
  return [...stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

interface ImagePage {
  jpeg: Buffer;
  /** Page size in points. */
  width: number;
  height: number;
  skewDegrees?: number;
  rotate90?: boolean;
}

/** A minimal PDF: catalog, page tree, and per page one DCT image XObject drawn over the whole page. */
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
    const { pixelWidth, pixelHeight, components } = jpegSize(page.jpeg);
    const colorSpace = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    const image = add(
      stream(`/Type /XObject /Subtype /Image /Width ${pixelWidth} /Height ${pixelHeight} /ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode`, page.jpeg),
    );
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
