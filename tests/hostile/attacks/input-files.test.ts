/**
 * Attacks 7 and 8: symbolic-link loops in an input folder (the search grew without bound), links out
 * of it, and file names that are not UTF-8 (GBK names from zips made on Chinese Windows), which failed
 * with ENOENT and shared one report_id.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../../src/run/batch.js';
import { runExtract } from '../../../src/extract-run.js';
import { expandInputs } from '../../../src/sources/inputs.js';
import { displayPath } from '../../../src/sources/file-path.js';
import { CORPUS } from '../../corpus/truth.js';

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nianbao-inputs-'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('an input folder full of symbolic links', () => {
  it('lists each real file once, enters no loop and never leaves the folder', async () => {
    const root = join(base, 'reports');
    const outside = join(base, 'elsewhere');
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(root, 'a', 'one.txt'), 'one');
    await writeFile(join(root, 'a', 'b', 'two.pdf'), 'two');
    await writeFile(join(outside, 'secret.txt'), 'not yours');
    await symlink('..', join(root, 'a', 'b', 'up')); // b/up → a: a loop
    await symlink(root, join(root, 'a', 'root')); // a/root → the root itself
    await symlink('.', join(root, 'self'));
    await symlink(outside, join(root, 'out-dir'));
    await symlink(join(outside, 'secret.txt'), join(root, 'out-file.txt'));
    await symlink('/', join(root, 'filesystem'));
    await symlink(join(root, 'a', 'one.txt'), join(root, 'alias.txt')); // same real file as a/one.txt
    await symlink(join(root, 'nowhere.txt'), join(root, 'dangling.txt'));
    const { items, missing } = await expandInputs([root]);
    expect(missing).toEqual([]);
    expect(items.map((item) => item.source)).toEqual([join(root, 'a', 'b', 'two.pdf'), join(root, 'a', 'one.txt')]);
  });

  it('walks a mesh of folders that all link to each other (exponentially many paths) once per folder', async () => {
    const mesh = join(base, 'mesh');
    const names = Array.from({ length: 12 }, (_, i) => `d${String(i).padStart(2, '0')}`);
    for (const name of names) {
      await mkdir(join(mesh, name), { recursive: true });
      await writeFile(join(mesh, name, 'report.txt'), name);
    }
    for (const from of names) for (const to of names) if (from !== to) await symlink(join(mesh, to), join(mesh, from, `to-${to}`));
    const { items } = await expandInputs([mesh]);
    expect(items.map((item) => item.source)).toEqual(names.map((name) => join(mesh, name, 'report.txt')));
  });

  it('reads where a link leads when the user passed the link itself', async () => {
    const { items } = await expandInputs([join(base, 'reports', 'out-dir'), join(base, 'reports', 'out-file.txt')]);
    expect(items.map((item) => item.source)).toEqual([join(base, 'reports', 'out-dir', 'secret.txt'), join(base, 'reports', 'out-file.txt')]);
  });

  it('does not descend linked folders of a glob, and keeps no linked file from outside its folders', async () => {
    const { items } = await expandInputs([`${join(base, 'reports')}/**/*.txt`]);
    expect(items.map((item) => item.source)).toEqual([join(base, 'reports', 'a', 'one.txt'), join(base, 'reports', 'alias.txt')]);
  });
});

describe('file names that are not UTF-8', () => {
  const gbkName = (name: string) => iconv.encode(name, 'gbk');

  it('reads them by their bytes in worker processes, shows them escaped, and ids them by their content', async () => {
    const dir = join(base, 'gbk-names');
    await mkdir(dir, { recursive: true });
    const seed = await readFile(join(CORPUS, 'seed/zzszq-gxj-2023.txt'));
    const names = [gbkName('2023年报.txt'), gbkName('2023年度报告.txt')];
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), names[0]]), seed);
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), names[1]]), Buffer.concat([seed, Buffer.from('\n')]));
    const { items } = await expandInputs([dir]);
    expect(items.map((item) => item.source).sort()).toEqual([`${dir}/2023\\xc4\\xea\\xb1\\xa8.txt`, `${dir}/2023\\xc4\\xea\\xb6\\xc8\\xb1\\xa8\\xb8\\xe6.txt`]);
    expect(items.every((item) => Buffer.isBuffer(item.path))).toBe(true);
    const out = join(base, 'gbk-out');
    await runExtract(items, { outDir: out, workers: 1 });
    const records = (await readFile(join(out, 'reports.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.source)).toEqual(items.map((item) => item.source));
    expect(records.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(new Set(records.map((r) => r.report_id)).size).toBe(2);
    expect(records[0].cells['requests.new_received.total']).toBe(0);
  });

  it('finds them through a glob too, each name its own file though both decode to the same replacement text', async () => {
    const dir = join(base, 'gbk-glob');
    await mkdir(dir, { recursive: true });
    // 甲 and 乙 in GBK: neither is UTF-8, and both turn into the same two U+FFFD under a lossy decoding.
    for (const name of [gbkName('甲.txt'), gbkName('乙.txt')]) await writeFile(Buffer.concat([Buffer.from(`${dir}/`), name]), name);
    const { items, missing } = await expandInputs([`${dir}/*.txt`]);
    expect(missing).toEqual([]);
    expect(items.map((item) => item.source).sort()).toEqual([`${dir}/\\xbc\\xd7.txt`, `${dir}/\\xd2\\xd2.txt`]);
    expect(await Promise.all(items.map((item) => readFile(item.path)))).toEqual(expect.arrayContaining([gbkName('甲.txt'), gbkName('乙.txt')]));
  });

  it('gives unreadable files distinct ids from their path bytes and an empty sha256, never the hash of nothing', async () => {
    const missingA = Buffer.concat([Buffer.from(`${base}/gone-`), gbkName('甲.txt')]);
    const missingB = Buffer.concat([Buffer.from(`${base}/gone-`), gbkName('乙.txt')]);
    const records: Array<{ report_id: string; sha256: string; error?: string; source: string }> = [];
    await runBatch(
      [missingA, missingB].map((path) => ({ path, source: displayPath(path) })),
      { workers: 0, onProgress: (p) => records.push(p.record) },
    );
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.error)).toEqual([expect.stringMatching(/^cannot read file: ENOENT/), expect.stringMatching(/^cannot read file: ENOENT/)]);
    expect(records[0].report_id).not.toBe(records[1].report_id);
    expect(records.map((r) => r.report_id)).not.toContain('e3b0c44298fc1c14');
    expect(records.map((r) => r.sha256)).toEqual(['', '']);
  });
});

describe('displayPath', () => {
  it('keeps parts that are valid UTF-8 as they are and escapes every non-ASCII byte of a part that is not', () => {
    expect(displayPath(Buffer.concat([Buffer.from('年报/'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), Buffer.from('-x.pdf')]))).toBe('年报/\\xc4\\xea\\xb1\\xa8-x.pdf');
    expect(displayPath('plain/年报.pdf')).toBe('plain/年报.pdf');
  });
});
