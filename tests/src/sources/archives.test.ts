/** Zip archives of reports are read as the reports inside them, each named archive.zip!/member. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
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
    expect(items.map((i) => i.refusal?.replace(/:.*/s, ''))).toEqual(['not-a-report', 'corrupt-archive', 'too-large']);
    expect(items[0].refusal).toContain('holds no report file (1 entries');
  });

  it('are refused with what to do by a queue run, whose workers may not see this machine', async () => {
    const zip = join(dir, 'queued.zip');
    writeFileSync(zip, writeStoredZip([{ name: 'a.pdf', data: pdf }]));
    const alone = join(dir, 'queued.pdf');
    writeFileSync(alone, pdf);
    const items = refuseArchives([{ path: zip, source: 'queued.zip' }, { path: alone, source: 'queued.pdf' }], REPORT_EXTENSIONS);
    expect(items[0].refusal).toMatch(/^not-a-report: an archive is unpacked by a local run only/);
    expect(items[1].refusal).toBeUndefined();
  });
});

/**
 * A RAR 4 archive of stored (uncompressed) files, as WinRAR writes it with "store": no tool on Debian
 * writes RAR, so it is put together here from the format's headers (each with the low 16 bits of the
 * CRC-32 of its bytes after the CRC field).
 */
function storedRar(entries: ZipEntry[]): Buffer {
  const block = (type: number, flags: number, body: Buffer, data: Buffer = Buffer.alloc(0)): Buffer => {
    const head = Buffer.alloc(7);
    head.writeUInt8(type, 2);
    head.writeUInt16LE(flags, 3);
    head.writeUInt16LE(7 + body.length, 5);
    const withBody = Buffer.concat([head, body]);
    withBody.writeUInt16LE(crc32(withBody.subarray(2)) & 0xffff, 0);
    return Buffer.concat([withBody, data]);
  };
  const files = entries.map(({ name, data }) => {
    const nameBytes = Buffer.from(name, 'latin1');
    const body = Buffer.alloc(25 + nameBytes.length);
    body.writeUInt32LE(data.length, 0); // packed size
    body.writeUInt32LE(data.length, 4); // unpacked size
    body.writeUInt8(3, 8); // host: Unix
    body.writeUInt32LE(crc32(data), 9);
    body.writeUInt32LE(0x5a8d6000, 13); // DOS time: 2024-12-13
    body.writeUInt8(20, 17); // version needed: 2.0
    body.writeUInt8(0x30, 18); // method: store
    body.writeUInt16LE(nameBytes.length, 19);
    body.writeUInt32LE(0o100644, 21);
    nameBytes.copy(body, 25);
    return block(0x74, 0x8000, body, Buffer.from(data));
  });
  return Buffer.concat([Buffer.from('Rar!\x1a\x07\x00', 'latin1'), block(0x73, 0, Buffer.alloc(6)), ...files, block(0x7b, 0x4000, Buffer.alloc(0))]);
}

describe('RAR and 7z archives, read through bsdtar', () => {
  it('are replaced by their report files like a zip', async () => {
    const rar = join(dir, 'reports.rar');
    writeFileSync(rar, storedRar([{ name: 'hongze.pdf', data: pdf }, { name: 'readme.txt.bak', data: Buffer.from('x') }, { name: 'pingtan.html', data: html }]));
    const sevenDir = join(dir, 'seven');
    mkdirSync(sevenDir);
    writeFileSync(join(sevenDir, '洪泽区.pdf'), pdf);
    writeFileSync(join(sevenDir, '平潭.htm'), html);
    const seven = join(dir, 'reports.7z');
    execFileSync('bsdtar', ['--format', '7zip', '-cf', seven, '-C', sevenDir, '洪泽区.pdf', '平潭.htm']);
    const { items, cleanUp } = await unpackArchives([rar, seven].map((path) => ({ path, source: path })), DEFAULT_LIMITS, REPORT_EXTENSIONS);
    expect(items.map((i) => [i.source, i.refusal])).toEqual([
      [`${rar}!/hongze.pdf`, undefined],
      [`${rar}!/pingtan.html`, undefined],
      [`${seven}!/洪泽区.pdf`, undefined],
      [`${seven}!/平潭.htm`, undefined],
    ]);
    expect(items.map((i) => readFileSync(i.path))).toEqual([pdf, html, pdf, html]);
    expect(items.map((i) => i.origin)).toEqual(items.map((i) => i.source));
    cleanUp();
  });

  it("are read when the archive's own file name is not UTF-8 (a GBK name), given relative or absolute", async () => {
    const sevenDir = join(dir, 'seven-gbk');
    mkdirSync(sevenDir);
    writeFileSync(join(sevenDir, 'hongze.pdf'), pdf);
    const plain = join(dir, 'plain.7z');
    execFileSync('bsdtar', ['--format', '7zip', '-cf', plain, '-C', sevenDir, 'hongze.pdf']);
    // 洪泽区.7z in GBK: bytes no string names, as a folder walk hands them over.
    const gbkName = Buffer.concat([iconv.encode('洪泽区', 'gbk'), Buffer.from('.7z')]);
    const absolute = Buffer.concat([Buffer.from(`${dir}/`), gbkName]);
    writeFileSync(absolute, readFileSync(plain));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { items, cleanUp } = await unpackArchives(
        [absolute, gbkName].map((path) => ({ path, source: 'gbk.7z' })),
        DEFAULT_LIMITS,
        REPORT_EXTENSIONS,
      );
      expect(items.map((i) => [i.source, i.refusal])).toEqual([
        ['gbk.7z!/hongze.pdf', undefined],
        ['gbk.7z!/hongze.pdf', undefined],
      ]);
      expect(items.map((i) => readFileSync(i.path))).toEqual([pdf, pdf]);
      cleanUp();
    } finally {
      process.chdir(cwd);
    }
  });

  it('are refused as damaged, over the caps, or (without bsdtar) unsupported, each as one record', async () => {
    const damaged = join(dir, 'damaged.rar');
    writeFileSync(damaged, storedRar([{ name: 'a.pdf', data: pdf }]).subarray(0, 40));
    const big = join(dir, 'big.rar');
    writeFileSync(big, storedRar([{ name: 'a.pdf', data: pdf }, { name: 'b.pdf', data: pdf }]));
    const limits = { ...DEFAULT_LIMITS, maxDocxUncompressedBytes: pdf.length + 10 };
    const { items } = await unpackArchives([damaged, big].map((path) => ({ path, source: path })), limits, REPORT_EXTENSIONS);
    expect(items.map((i) => i.refusal?.replace(/:.*/s, ''))).toEqual(['corrupt-archive', 'too-large']);
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const without = await unpackArchives([{ path: big, source: big }], DEFAULT_LIMITS, REPORT_EXTENSIONS);
      expect(without.items[0].refusal).toMatch(/^archive-unsupported: reading a RAR or 7z archive needs bsdtar \(Debian: apt-get install libarchive-tools\)/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('a folder holding a zip, given to `nianbao extract`', () => {
  it('is walked into the archive, and each report in it is a record of its own', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'reports.zip'), gbkZip([{ name: '洪泽区.pdf', data: pdf }, { name: '平潭.html', data: html }]));
    writeFileSync(join(folder, 'notes.tar.gz'), 'x');
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
