/**
 * Hidden text in Word (the hidden font effect, w:vanish) is neither shown nor printed: a reader of the
 * report never sees it, so neither may we. Read as text, a hidden digit after a printed one makes a
 * wrong number that nothing marks as doubtful.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToDocument } from '../../extractors/docx/index.js';
import { openZip } from '../../extractors/docx/zip.js';
import { writeStoredZip } from '../../extractors/docx/write-zip.js';
import { extractFile } from '../../src/pipeline.js';
import { buildDocx, p, tbl, tc, tr } from '../fixtures/docx/build-docx.js';
import { CORPUS } from '../corpus/truth.js';

const run = (text: string, properties = '') => `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const cell = (...runs: string[]) => tc(`<w:p>${runs.join('')}</w:p>`);

function styles(xml: string): { name: string; data: Buffer } {
  return { name: 'word/styles.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${xml}</w:styles>`) };
}

async function cellsAndText(body: string, extra: { name: string; data: Buffer }[] = []) {
  const doc = await docxToDocument(buildDocx(body, extra));
  const tables = doc.blocks.filter((b) => b.kind === 'table');
  const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''));
  const rows = tables.flatMap((t) => (t.kind === 'table' ? t.rows.map((r) => r.map((c) => c.text)) : []));
  return { rows, paragraphs, codes: doc.messages.map((m) => m.code) };
}

describe('hidden text in a Word document', () => {
  it('is not read: a hidden 345 after a printed 12 leaves the cell 12, and the document says text was left out', async () => {
    const got = await cellsAndText(p('二〇二三年度报告') + `<w:p>${run('本报告由')}${run('（旧稿：2019年）', '<w:vanish/>')}${run('某县人民政府办公室编制。')}</w:p>` + tbl(tr(cell(run('申请数')) + cell(run('12'), run('345', '<w:vanish/>')))));
    expect(got.rows).toEqual([['申请数', '12']]);
    expect(got.paragraphs).toContain('本报告由某县人民政府办公室编制。');
    expect(got.codes).toContain('hidden-text-skipped');
  });

  it('is hidden by a character style, or by the style it is based on', async () => {
    const styleXml =
      '<w:style w:type="character" w:styleId="Hidden"><w:name w:val="Hidden"/><w:rPr><w:vanish/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Hidden"/><w:rPr><w:i/></w:rPr></w:style>';
    const got = await cellsAndText(tbl(tr(cell(run('A')) + cell(run('7'), run('1', '<w:rStyle w:val="Hidden"/>'))) + tr(cell(run('B')) + cell(run('8'), run('2', '<w:rStyle w:val="Note"/>')))), [styles(styleXml)]);
    expect(got.rows).toEqual([['A', '7'], ['B', '8']]);
  });

  it('is read where the run turns the hiding off, where only a tracked change once hid it, and where it hides in Web layout only', async () => {
    const styleXml = '<w:style w:type="character" w:styleId="Hidden"><w:rPr><w:vanish/></w:rPr></w:style>';
    const got = await cellsAndText(
      tbl(
        tr(cell(run('A')) + cell(run('1'), run('2', '<w:rStyle w:val="Hidden"/><w:vanish w:val="0"/>'))) +
          tr(cell(run('B')) + cell(run('3'), run('4', '<w:b/><w:rPrChange w:id="1" w:author="x"><w:rPr><w:vanish/></w:rPr></w:rPrChange>'))) +
          tr(cell(run('C')) + cell(run('5'), run('6', '<w:webHidden/>'))),
      ),
      [styles(styleXml)],
    );
    expect(got.rows).toEqual([['A', '12'], ['B', '34'], ['C', '56']]);
    expect(got.codes).not.toContain('hidden-text-skipped');
  });
});

/** The real Pingtan 2024 DOCX with its document.xml rewritten, in a folder of its own. */
async function rewrittenPingtan(dir: string, rewrite: (xml: string) => string): Promise<string> {
  const zip = await openZip(readFileSync(join(CORPUS, 'rendered/pingtan-2024-docx.docx')));
  const parts: { name: string; data: Buffer }[] = [];
  try {
    for (const name of zip.parts.keys()) if (!name.endsWith('/')) parts.push({ name, data: (await zip.read(name))! });
  } finally {
    zip.close();
  }
  const main = parts.find((part) => part.name === 'word/document.xml')!;
  main.data = Buffer.from(rewrite(main.data.toString('utf8')), 'utf8');
  const file = join(dir, 'rewritten.docx');
  await writeFile(file, writeStoredZip(parts));
  return file;
}

/** After every run that prints a whole number, `after(n)`; before the first paragraph's text, `before`. */
function besideEveryNumber(xml: string, after: (n: number) => string, before: string): { xml: string; count: number } {
  let count = 0;
  const out = xml
    .replace(/(<w:r(?:\s[^>]*)?>(?:(?!<w:r[\s>/])[\s\S])*?<w:t(?:\s[^>]*)?>\d+<\/w:t><\/w:r>)/g, (printed) => `${printed}${after(count++)}`)
    .replace(/(<w:body>(?:(?!<w:r[\s>])[\s\S])*?)(<w:r[\s>])/, `$1${before}$2`);
  return { xml: out, count };
}

const pingtanTruth = JSON.parse(readFileSync(join(CORPUS, 'rendered/pingtan-2024-docx.truth.json'), 'utf8')) as { cells: Record<string, number | null>; year: number; agency: string };

async function expectTruthRead(file: string): Promise<string[]> {
  const record = await extractFile(file);
  expect(record.status).not.toBe('failed');
  const differing = Object.entries(pingtanTruth.cells).filter(([id, value]) => (record.cells[id] ?? null) !== value);
  expect(differing).toEqual([]);
  expect([record.year, record.agency]).toEqual([pingtanTruth.year, pingtanTruth.agency]);
  return record.messages.map((m) => m.code);
}

describe('a real report with hidden digits after its values and a hidden year in its prose', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-docx-hidden-'));
    file = await rewrittenPingtan(dir, (xml) => {
      const hidden = besideEveryNumber(xml, (n) => `<w:r><w:rPr><w:vanish/></w:rPr><w:t>${n % 10}</w:t></w:r>`, '<w:r><w:rPr><w:vanish/></w:rPr><w:t>2019年度</w:t></w:r>');
      expect(hidden.count).toBeGreaterThan(50);
      return hidden.xml;
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads every cell of its truth, as the report prints it', async () => {
    expect(await expectTruthRead(file)).toContain('hidden-text-skipped');
  });
});

describe('a real report published with its tracked changes not accepted', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nianbao-docx-revisions-'));
    // A reviewer's deletions: a digit after every figure, an older year before the title; a paragraph moved away from here (its old place kept as moveFrom).
    const del = (id: number, text: string) => `<w:del w:id="${id}" w:author="审核" w:date="2025-01-20T09:00:00Z"><w:r><w:delText>${text}</w:delText></w:r></w:del>`;
    file = await rewrittenPingtan(dir, (xml) => {
      const deleted = besideEveryNumber(xml, (n) => del(9000 + n, String(n % 10)), del(8999, '2019年度'));
      expect(deleted.count).toBeGreaterThan(50);
      const moved =
        '<w:p><w:moveFromRangeStart w:id="8998" w:author="审核" w:name="move1"/><w:moveFrom w:id="8997" w:author="审核"><w:r><w:t>2018年收到政府信息公开申请999件。</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="8998"/></w:p>';
      return deleted.xml.replace(/<w:sectPr/, `${moved}<w:sectPr`);
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads it as if they were accepted: every cell of its truth, and the document says it held changes', async () => {
    expect(await expectTruthRead(file)).toContain('tracked-changes-accepted');
  });
});
