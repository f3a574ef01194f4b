/**
 * The hostile corpus, generated (never committed as binaries): each file names what it attacks.
 * `generateHostileCorpus(dir)` writes them all and returns their paths; big ones are streamed to disk.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflatedZeros, docxParts, makeZip, xlsxParts } from './make-zip.js';
import { variant } from '../vary.js';

// The shared corpus beside the checkout (run from the repository root, as npm scripts and tests are).
const corpus = resolve(process.env.NIANBAO_CORPUS ?? '../shared/corpus');
export const SEED_PDF = join(corpus, 'rendered/seed-pdf.pdf');
export const SEED_HTML = join(corpus, 'rendered/seed-html.html');
export const SEED_DOCX = join(corpus, 'rendered/seed-docx.docx');

export interface HostileFile {
  name: string;
  path: string;
  /** What the file attacks, pdf.js-manifest style. */
  why: string;
}

export async function generateHostileCorpus(dir: string): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (name: string, why: string): string => {
    const path = join(dir, name);
    files.push({ name, path, why });
    return path;
  };

  const seedPdf = readFileSync(SEED_PDF);
  writeFileSync(add('truncated.pdf', 'a PDF cut off at 40%: no xref, no trailer, streams ending mid-way'), seedPdf.subarray(0, Math.floor(seedPdf.length * 0.4)));
  encryptPdf(SEED_PDF, add('encrypted.pdf', 'a PDF with a user password (AES-256): its text cannot be read without it'));
  writeFileSync(add('page-tree-loop.pdf', 'a /Pages node whose kid points back to its parent: a naive page walk never ends'), pageTreeLoopPdf());
  const zeros = await deflatedZeros(512 * 1024 * 1024);
  writeFileSync(
    add('zip-bomb.docx', 'a DOCX whose document.xml inflates 512 MiB of zeros from well under 1 MiB'),
    makeZip([...docxParts(Buffer.alloc(0)).slice(0, 2), { name: 'word/document.xml', data: Buffer.alloc(0), deflated: zeros.deflated, crc: zeros.crc, declaredBytes: 512 * 1024 * 1024 }]),
  );
  writeFileSync(
    add('zip-bomb.xlsx', 'an XLSX whose sheet inflates 512 MiB of zeros from well under 1 MiB'),
    makeZip([...xlsxParts(Buffer.alloc(0)).slice(0, -1), { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: zeros.deflated, crc: zeros.crc, declaredBytes: 512 * 1024 * 1024 }]),
  );
  writeFileSync(
    add('zip-bomb-archive.zip', 'a zip of reports whose report.pdf inflates 512 MiB of zeros from well under 1 MiB'),
    makeZip([{ name: 'report.pdf', data: Buffer.alloc(0), deflated: zeros.deflated, crc: zeros.crc, declaredBytes: 512 * 1024 * 1024 }]),
  );
  writeFileSync(add('merge-bomb.xlsx', 'an XLSX sheet of one cell merged over the whole sheet (A1:XFD1048576): a library that expands merges makes 17 billion cells'), makeZip(xlsxParts(mergeBombSheet())));
  writeFileSync(add('table-100k-cells.docx', 'a DOCX with one table of 10,000 rows × 10 cells'), makeZip(docxParts(hugeTableXml(10_000, 10))));
  writeFileSync(add('xml-entity-bomb.docx', 'a DOCX whose document.xml declares nested entities (billion laughs)'), makeZip(docxParts(entityBombXml())));
  await writeHugeHtml(add('huge-200mb.html', 'an HTML page of 200 MiB (table rows), streamed to disk'), 200 * 1024 * 1024);
  writeFileSync(add('nested-divs.html', 'an HTML page with 100,000 nested <div>s: recursion depth'), '<html><body>' + '<div>'.repeat(100_000) + '政府信息公开' + '</div>'.repeat(100_000) + '</body></html>');
  writeFileSync(add('pdf-named.docx', 'a real PDF report with a .docx extension: content must win'), variant(seedPdf, SEED_PDF, 1));
  writeFileSync(add('html-named.pdf', 'a real HTML report with a .pdf extension: content must win'), variant(readFileSync(SEED_HTML), SEED_HTML, 1));
  writeFileSync(add('empty.pdf', 'zero bytes'), Buffer.alloc(0));
  writeFileSync(add('random.pdf', '1 MiB of (deterministic) random bytes with a .pdf name'), pseudoRandomBytes(1024 * 1024));
  return files;
}

function mergeBombSheet(): Buffer {
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>政府信息公开工作年度报告</t></is></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
  );
}

function encryptPdf(source: string, target: string): void {
  try {
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', source, target], { stdio: 'pipe' });
  } catch {
    // No qpdf: a PDF whose trailer names an /Encrypt dictionary is as hostile to a reader.
    writeFileSync(target, minimalPdf({ encrypt: true }));
  }
}

/** Objects serialised with a correct xref table, so only the intended defect is present. */
function assemblePdf(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pageTreeLoopPdf(): Buffer {
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
    // A second-level /Pages node whose kids are its own parent and a real page.
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>',
    '<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (loop) Tj ET\nendstream',
  ]);
}

function minimalPdf(options: { encrypt: boolean }): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  if (options.encrypt) objects.push('<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O <00> /U <00> >>');
  return assemblePdf(objects, options.encrypt ? '/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ' : '');
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function hugeTableXml(rows: number, columns: number): Buffer {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body><w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl>`];
  for (let r = 0; r < rows; r++) {
    parts.push('<w:tr>');
    for (let c = 0; c < columns; c++) parts.push(`<w:tc><w:p><w:r><w:t>${(r * 7919 + c * 104729) % 1000003}</w:t></w:r></w:p></w:tc>`);
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl></w:body></w:document>');
  return Buffer.from(parts.join(''), 'utf8');
}

function entityBombXml(): Buffer {
  const entities = ['<!ENTITY a0 "政府信息公开政府信息公开">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [${entities.join('')}]>` +
      `<w:document ${W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>`,
    'utf8',
  );
}

async function writeHugeHtml(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  const row = Buffer.from('<tr><td>（一）主动公开政府信息情况</td><td>1</td><td>2</td><td>3</td></tr>\n'.repeat(1000));
  let written = 0;
  const write = (chunk: Buffer | string): Promise<void> | void => {
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) return new Promise((resolve) => out.once('drain', () => resolve()));
  };
  await write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title></head><body><table>\n');
  while (written < bytes) await write(row);
  await write('</table></body></html>\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Reproducible noise: a sha256 counter stream, so a failing case can be replayed byte for byte. */
function pseudoRandomBytes(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let at = 0, i = 0; at < length; at += 32, i++) createHash('sha256').update(`nianbao-${i}`).digest().copy(out, at);
  return out;
}
