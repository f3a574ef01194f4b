import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifyIdeographs } from '../../extractors/ideographs.js';
import { extractBytes } from '../../src/pipeline.js';
import { CORPUS } from '../corpus/truth.js';

/** What a PDF producer that maps shared glyphs to radicals writes for these ideographs. */
const AS_RADICALS: Record<string, string> = { 自: '⾃', 人: '⼈', 行: '⾏', 政: '政', 长: '⻓', 门: '⻔', 见: '⻅', 工: '⼯', 方: '⽅', 用: '⽤' };
const withRadicals = (text: string): string => text.replace(/[自人行长门见工方用]/g, (c) => AS_RADICALS[c] ?? c);

describe('radicals written for ideographs', () => {
  it('reads Kangxi radicals and the simplified supplement radicals as the ideographs they stand for', () => {
    expect(unifyIdeographs('收到⾃然⼈提出的申请217件，因政府信息公开被申请⾏政复议7件')).toBe('收到自然人提出的申请217件，因政府信息公开被申请行政复议7件');
    expect(unifyIdeographs('局⻓ ⻔户⽹站 ⻅附件')).toBe('局长 门户网站 见附件');
    expect(unifyIdeographs('no radicals here: 自然人 12 ⅰ')).toBe('no radicals here: 自然人 12 ⅰ');
  });

  it('gives a portal page written with radicals the same cells, prose and agency as the page itself', async () => {
    const truth = JSON.parse(await readFile(join(CORPUS, 'real/pingtan-2023-page.truth.json'), 'utf8')) as { cells: Record<string, number | null>; prose: Record<string, number>; agency: string };
    const page = await readFile(join(CORPUS, 'real/pingtan-2023-page.html'), 'utf8');
    const altered = withRadicals(page);
    expect(altered).not.toBe(page);
    const record = await extractBytes(Buffer.from(altered), 'pingtan-2023-radicals.html');
    expect(record.agency).toBe(truth.agency);
    expect(record.cells).toEqual(truth.cells);
    expect(Object.fromEntries(Object.entries(record.prose).map(([k, v]) => [k, v.value]))).toMatchObject(truth.prose);
    expect(record.findings.filter((f) => f.rule.startsWith('prose'))).toEqual([]);
  });
});
