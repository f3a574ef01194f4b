/**
 * HTML tables inside text, as PDF→Markdown converters (MinerU, marker) write them: cut out and read
 * by the HTML reader, the text around them read as text.
 */
import { describe, expect, it } from 'vitest';
import { cutHtmlTables } from '../../../extractors/txt/html-tables.js';
import { extractBytes } from '../../../src/pipeline.js';
import { AXES } from '../../../tools/variety/axes/index.js';
import { draftVariant, plan, renderFast, variantTruth } from '../../../tools/variety/generate.js';
import { scoreRecord } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

describe('cutHtmlTables', () => {
  it('cuts each outermost table out of the text, dropping the <html><body> wrappers around it', () => {
    const text = '# 标题\n\n正文一\n\n<html><body><table><tr><td>a</td></tr></table></body></html>\n\n正文二\n<table>\n<tr><td>b</td></tr>\n</table>\n';
    expect(cutHtmlTables(text)).toEqual([
      { kind: 'text', text: '# 标题\n\n正文一\n\n' },
      { kind: 'html', html: '<table><tr><td>a</td></tr></table>' },
      { kind: 'text', text: '\n\n正文二\n' },
      { kind: 'html', html: '<table>\n<tr><td>b</td></tr>\n</table>' },
    ]);
  });

  it('keeps a table nested in a cell inside its outer table', () => {
    const html = '<TABLE border=1><tr><td><table><tr><td>1</td></tr></table></td></tr></TABLE>';
    expect(cutHtmlTables(`前${html}后`)).toEqual([
      { kind: 'text', text: '前' },
      { kind: 'html', html },
      { kind: 'text', text: '后' },
    ]);
  });

  it('leaves a table never closed, and words that only start like the tag, in the text', () => {
    expect(cutHtmlTables('见<table><tr><td>1</td></tr> 与 <tablet>')).toEqual([{ kind: 'text', text: '见<table><tr><td>1</td></tr> 与 <tablet>' }]);
  });
});

describe('Markdown whose tables are HTML, or pipe tables with merged cells repeated (variety generator, markdown-tables axis, seed 1)', () => {
  it('finds every table: each cell exact or in doubt, none missing or wrong, no unearned printed finding', async () => {
    const truths = await loadTruths('../shared/corpus');
    const axis = AXES.find((a) => a.id === 'markdown-tables');
    const items = plan(truths, { seed: 1, count: 6, slowCount: 0, scanCount: 0, formats: ['md'], axes: ['markdown-tables'] });
    expect(axis && items.length).toBe(6);
    const styles = new Set<string>();
    for (const item of items) {
      const draft = draftVariant(1, item);
      styles.add(draft.model.markdownTables ?? 'pipe');
      const truth = variantTruth(1, item, draft);
      const text = renderFast(draft);
      if (draft.model.markdownTables !== 'pipe-repeat') expect(text, truth.id).toMatch(/<table>/);
      const score = scoreRecord(truth, await extractBytes(Buffer.from(text), truth.file));
      expect({ id: truth.id, missing: score.missing, wrong: score.wrong, unearned: score.unearned }).toEqual({ id: truth.id, missing: 0, wrong: 0, unearned: [] });
      expect(score.exact / score.cells, truth.id).toBeGreaterThanOrEqual(0.99);
    }
    expect([...styles].sort()).toEqual(['html-block', 'html-line', 'pipe-repeat']);
  });
});
