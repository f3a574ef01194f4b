/**
 * A PDF → an OFD (GB/T 33190-2016), as a portal's converter would publish the same report: each page's
 * text runs become TextObjects (Boundary in mm, TextCode at the baseline, DeltaX per character — written
 * with the `g N d` repeat when the run's advances are even — and every other run scaled through a CTM),
 * its table rulings PathObjects (horizontal ones stroked, vertical ones as thin filled boxes), in a
 * deflated zip with OFD.xml, Document.xml, PublicRes.xml and one Content.xml per page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadPdfJs, openPdf } from '../../../extractors/pdf/pdfjs.js';
import { displayMap, opIds } from '../../../extractors/pdf/page.js';
import { extractRulings } from '../../../extractors/pdf/rulings.js';
import { writeDeflatedZip } from '../../../extractors/docx/write-zip.js';

const MM_PER_PT = 25.4 / 72;

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
}

const r = (v: number): string => String(Math.round(v * 1000) / 1000);

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function pdfToOfd(sourcePdf: string, targetOfd: string): Promise<void> {
  await writeFile(targetOfd, await pdfBytesToOfd(await readFile(sourcePdf)));
}

export async function pdfBytesToOfd(bytes: Buffer): Promise<Buffer> {
  const pdfjs = await loadPdfJs();
  const doc = await openPdf(bytes);
  const entries: Array<{ name: string; data: Buffer }> = [];
  let id = 10;
  const pageRefs: string[] = [];
  let box = '0 0 210 297';
  let title: string | undefined;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const W = viewport.width;
      const H = viewport.height;
      if (p === 1) box = `0 0 ${r(W * MM_PER_PT)} ${r(H * MM_PER_PT)}`;
      const map = displayMap(page);
      const objects: string[] = [];
      const text = (await page.getTextContent()) as unknown as { items: RawItem[] };
      let n = 0;
      for (const item of text.items) {
        if (!item.str || !item.str.trim() || !item.transform) continue;
        const [a, b, c, d, e, f] = item.transform;
        const size = Math.hypot(c, d) || Math.hypot(a, b);
        const [x, y] = map(e, f);
        const chars = [...item.str];
        const xMm = x * MM_PER_PT;
        const baseline = (H - y) * MM_PER_PT;
        const sizeMm = size * MM_PER_PT;
        const widthMm = (item.width ?? size * chars.length) * MM_PER_PT;
        const step = chars.length > 1 ? widthMm / chars.length : 0;
        // Every other run is drawn at half size through a CTM that doubles it: the same on the page.
        const scaled = n++ % 2 === 1;
        const k = scaled ? 0.5 : 1;
        const delta = chars.length > 1 ? ` DeltaX="${n % 3 === 0 ? Array.from({ length: chars.length - 1 }, () => r(step * k)).join(' ') : `g ${chars.length - 1} ${r(step * k)}`}"` : '';
        // The Boundary is the glyphs' extent: as wide as the run's advance, from a little above the text to under its baseline.
        const boundary = `${r(xMm)} ${r(baseline - sizeMm)} ${r(widthMm)} ${r(sizeMm * 1.3)}`;
        objects.push(
          `<ofd:TextObject ID="${id++}" Boundary="${boundary}" Font="2" Size="${r(sizeMm * k)}"${scaled ? ' CTM="2 0 0 2 0 0"' : ''}>` +
            `<ofd:TextCode X="0" Y="${r(sizeMm * k)}"${delta}>${escapeXml(item.str)}</ofd:TextCode></ofd:TextObject>`,
        );
      }
      const ops = (await page.getOperatorList()) as unknown as { fnArray: number[]; argsArray: unknown[][] };
      const rulings = extractRulings(ops, opIds(pdfjs.OPS), map, 20_000);
      for (const h of rulings.horizontal) {
        const x0 = h.x0 * MM_PER_PT;
        const yMm = (H - h.y) * MM_PER_PT;
        const len = (h.x1 - h.x0) * MM_PER_PT;
        objects.push(`<ofd:PathObject ID="${id++}" Boundary="${r(x0)} ${r(yMm - 0.5)} ${r(len)} 1" LineWidth="0.25"><ofd:AbbreviatedData>M 0 0.5 L ${r(len)} 0.5</ofd:AbbreviatedData></ofd:PathObject>`);
      }
      for (const v of rulings.vertical) {
        const xMm = v.x * MM_PER_PT;
        const top = (H - v.y1) * MM_PER_PT;
        const len = (v.y1 - v.y0) * MM_PER_PT;
        objects.push(`<ofd:PathObject ID="${id++}" Boundary="${r(xMm - 0.125)} ${r(top)} 0.25 ${r(len)}" Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L 0.25 0 L 0.25 ${r(len)} L 0 ${r(len)} C</ofd:AbbreviatedData></ofd:PathObject>`);
      }
      page.cleanup();
      const pageName = `Pages/Page_${p - 1}/Content.xml`;
      pageRefs.push(`<ofd:Page ID="${id++}" BaseLoc="${pageName}"/>`);
      entries.push({
        name: `Doc_0/${pageName}`,
        data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 ${r(W * MM_PER_PT)} ${r(H * MM_PER_PT)}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${id++}" Type="Body">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>\n`),
      });
    }
    title = await documentTitle(doc);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  const ofd = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID>${title ? `<ofd:Title>${escapeXml(title)}</ofd:Title>` : ''}<ofd:Creator>nianbao variety</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`;
  const document = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>${box}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageRefs.join('')}</ofd:Pages></ofd:Document>\n`;
  const res = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>\n`;
  return writeDeflatedZip([
    { name: 'OFD.xml', data: Buffer.from(ofd) },
    { name: 'Doc_0/Document.xml', data: Buffer.from(document) },
    { name: 'Doc_0/PublicRes.xml', data: Buffer.from(res) },
    ...entries,
  ]);
}

async function documentTitle(doc: Awaited<ReturnType<typeof openPdf>>): Promise<string | undefined> {
  try {
    const { info } = (await doc.getMetadata()) as { info?: { Title?: unknown } };
    return typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
  } catch {
    return undefined;
  }
}

