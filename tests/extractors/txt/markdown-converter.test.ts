import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';
import { LAYOUTS, cellKey } from '../../../src/templates/ids.js';

/**
 * What PDF→Markdown converters make of a report's tables, with real reports' figures: table 三 cut
 * into one pipe table per block of rows under placeholder headers (数据1 … 数据6 | 总计), the last block
 * under a header copied from table 四, an empty placeholder table of '-' between blocks, and table 四
 * as three separate tables of five with no group labels.
 */
const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
const TRUTHS = ['variety/shanghai-govoffice-2019.truth.json', 'real/huaian-city-2024.truth.json', 'real/hongze-2023.truth.json'].map((p) =>
  JSON.parse(readFileSync(new URL(p, CORPUS), 'utf8')),
);

type Truth = (typeof TRUTHS)[number];
const pipe = (cells: string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => pipe(new Array(n).fill('---'));

function convert(t: Truth): string {
  const v = (k: string) => (t.cells[k] === null || t.cells[k] === undefined ? '-' : String(t.cells[k]));
  const lines = [`# ${t.year}年${t.agency}政府信息公开工作年度报告`, '', '## 二、主动公开政府信息情况', ''];
  for (const r of LAYOUTS.proactive.find((l) => l.layout === t.layout.proactive)!.rows) {
    lines.push(pipe(['信息内容', ...r.columns.map((c) => c.label)]), rule(r.columns.length + 1), pipe([r.label, ...r.columns.map((c) => v(cellKey('proactive', r.id, c.id)))]), '');
  }
  lines.push('## 三、收到和处理政府信息公开申请情况', '');
  const rows = LAYOUTS.requests.find((l) => l.layout === t.layout.requests)!.rows;
  const blocks = [rows.slice(0, 4), rows.slice(4, 12), rows.slice(12, 20), rows.slice(20)];
  blocks.forEach((block, i) => {
    const header = i === blocks.length - 1 ? ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '', '', ''] : ['项目', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
    lines.push(pipe(header), rule(8), ...block.map((r) => pipe([r.label, ...r.columns.map((c) => v(cellKey('requests', r.id, c.id)))])), '');
    if (i === 1) lines.push(pipe(['-', '-', '-']), rule(3), pipe(['-', '-', '-']), '');
  });
  lines.push('## 四、政府信息公开行政复议、行政诉讼情况', '');
  for (const r of LAYOUTS.appeals[0].rows) lines.push(pipe(r.columns.map((c) => c.label)), rule(5), pipe(r.columns.map((c) => v(cellKey('appeals', r.id, c.id)))), '');
  return lines.join('\n');
}

describe('a report converted from PDF to Markdown, tables cut apart', () => {
  it.each(TRUTHS.map((t) => [t.id, t]))('reads every cell of %s exactly, with only the findings the report earns', async (_id, t: Truth) => {
    const record = await extractBytes(Buffer.from(convert(t)), `${t.id}.md`);
    expect(Object.entries(t.cells).filter(([k, value]) => record.cells[k] !== value)).toEqual([]);
    const identities = record.findings.filter((f) => /^(requests|appeals)\./.test(f.rule)).map((f) => `${f.rule} ${f.where}`);
    expect(new Set(identities)).toEqual(new Set(t.expected_findings.map((f: { rule: string; where: string }) => `${f.rule} ${f.where}`)));
  });
});
