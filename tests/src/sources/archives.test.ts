/** Zip archives of reports are read as the reports inside them, each named archive.zip!/member. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStoredZip, type ZipEntry } from '../../../extractors/docx/write-zip.js';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { refuseArchives, unpackArchives } from '../../../src/sources/archives.js';
import { expandInputs, REPORT_EXTENSIONS } from '../../../src/sources/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-archives-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CORPUS = '../shared/corpus/';
const pdf = readFileSync(`${CORPUS}real/hongze-2023.pdf`);
const html = readFileSync(`${CORPUS}real/pingtan-2023-page.html`);
const docx = readFileSync(`${CORPUS}rendered/seed-docx.docx`);

/**
 * A zip as Chinese Windows tools write it: names in GBK (or another encoding), without the UTF-8 flag.
 * Written with ASCII stand-ins of the same length, then the names' bytes and flags patched in both headers.
 */
function gbkZip(entries: ZipEntry[], encoding = 'gb18030'): Buffer {
  const names = entries.map((e) => iconv.encode(e.name, encoding));
  const standIns = names.map((n, i) => `${i}`.padEnd(n.length, '_'));
  const zip = writeStoredZip(entries.map((e, i) => ({ name: standIns[i], data: e.data })));
  names.forEach((name, i) => {
    const local = zip.indexOf(standIns[i]);
    const central = zip.lastIndexOf(standIns[i]);
    name.copy(zip, local);
    name.copy(zip, central);
    zip.writeUInt16LE(0, local - 30 + 6);
    zip.writeUInt16LE(0, central - 46 + 8);
  });
  return zip;
}

describe('unpackArchives', () => {
  it('replaces a zip by its report files, in place, named archive!/member; other files and DOCX stay as they are', async () => {
    const zip = join(dir, '年报.zip');
    writeFileSync(zip, gbkZip([
      { name: '洪泽区2023年报.pdf', data: pdf },
      { name: '附件/平潭.HTML', data: html },
      { name: 'seed.docx', data: docx },
      { name: '说明.png', data: Buffer.from('not a report') },
      { name: '附件/', data: Buffer.alloc(0) },
    ]));
    const alone = join(dir, 'alone.docx');
    writeFileSync(alone, docx);
    const { items, cleanUp } = await unpackArchives([{ path: alone, source: 'alone.docx' }, { path: zip, source: '年报.zip', known: { sourceUrl: 'https://gov.example/年报.zip' } }], DEFAULT_LIMITS, REPORT_EXTENSIONS);
    expect(items.map((i) => i.source)).toEqual(['alone.docx', '年报.zip!/洪泽区2023年报.pdf', '年报.zip!/附件/平潭.HTML', '年报.zip!/seed.docx']);
    expect(items[0].path).toBe(alone);
    expect(readFileSync(items[1].path)).toEqual(pdf);
    expect(readFileSync(items[2].path)).toEqual(html);
    expect(readFileSync(items[3].path)).toEqual(docx);
    expect(items.slice(1).map((i) => i.known?.sourceUrl)).toEqual(Array(3).fill('https://gov.example/年报.zip'));
    cleanUp();
    expect(items.slice(1).some((i) => existsSync(i.path))).toBe(false);
  });

  it('reads a member name written in UTF-8 without the UTF-8 flag as UTF-8', async () => {
    const zip = join(dir, 'utf8-names.zip');
    writeFileSync(zip, gbkZip([{ name: '平潭综合实验区2023年报.html', data: html }], 'utf8'));
    const { items, cleanUp } = await unpackArchives([{ path: zip, source: 'u.zip' }], DEFAULT_LIMITS, REPORT_EXTENSIONS);
    expect(items.map((i) => i.source)).toEqual(['u.zip!/平潭综合实验区2023年报.html']);
    cleanUp();
  });

  it('refuses, as one record each, an archive without reports, a damaged one and one over the zip caps', async () => {
    const empty = join(dir, 'pictures.zip');
    writeFileSync(empty, writeStoredZip([{ name: 'a.png', data: Buffer.from('png') }]));
    const damaged = join(dir, 'damaged.zip');
    writeFileSync(damaged, writeStoredZip([{ name: 'a.pdf', data: pdf }]).subarray(0, 5000));
    const big = join(dir, 'big.zip');
    writeFileSync(big, writeStoredZip([{ name: 'a.pdf', data: pdf }, { name: 'b.pdf', data: pdf }]));
    const { items } = await unpackArchives(
      [empty, damaged, big].map((path) => ({ path, source: path })),
      { ...DEFAULT_LIMITS, maxDocxUncompressedBytes: pdf.length + 10 },
      REPORT_EXTENSIONS,
    );
    expect(items.map((i) => i.refusal?.replace(/:.*/s, ''))).toEqual(['not-a-report', 'corrupt-zip', 'too-large']);
    expect(items[0].refusal).toContain('holds no report file (1 entries');
  });

  it('are refused with what to do by a queue run, whose workers may not see this machine', async () => {
    const zip = join(dir, 'queued.zip');
    writeFileSync(zip, writeStoredZip([{ name: 'a.pdf', data: pdf }]));
    const alone = join(dir, 'queued.pdf');
    writeFileSync(alone, pdf);
    const items = refuseArchives([{ path: zip, source: 'queued.zip' }, { path: alone, source: 'queued.pdf' }], REPORT_EXTENSIONS);
    expect(items[0].refusal).toMatch(/^not-a-report: a zip archive is unpacked by a local run only/);
    expect(items[1].refusal).toBeUndefined();
  });
});

describe('a folder holding a zip, given to `nianbao extract`', () => {
  it('is walked into the archive, and each report in it is a record of its own', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'reports.zip'), gbkZip([{ name: '洪泽区.pdf', data: pdf }, { name: '平潭.html', data: html }]));
    writeFileSync(join(folder, 'notes.7z'), 'x');
    expect((await expandInputs([folder])).items.map((i) => i.source.slice(folder.length + 1))).toEqual(['reports.zip']);
    const out = join(dir, 'out');
    execFileSync(process.execPath, ['bin/nianbao.js', 'extract', folder, '--out', out, '--quiet']);
    const reports = readFileSync(join(out, 'reports.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
    expect(reports.map((line) => line.split(',').slice(1, 6).join(','))).toEqual([
      `${folder}/reports.zip!/洪泽区.pdf,pdf,ok,淮安市洪泽区人民政府,2023`,
      `${folder}/reports.zip!/平潭.html,html,ok,平潭综合实验区,2023`,
    ]);
  });
});
