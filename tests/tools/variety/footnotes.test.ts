import { describe, expect, it } from 'vitest';
import { AXES, type FormatId } from '../../../tools/variety/axes/index.js';
import { draftVariant, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import { isDataRow, tablePieces } from '../../../tools/variety/model.js';
import type { Draft } from '../../../tools/variety/axes/axis.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const truths = await loadTruths('../shared/corpus');
const pingtan = truths.find((t) => t.id === 'pingtan-2023-page')!;
const axis = (id: string) => AXES.find((a) => a.id === id)!;
const item = (id: string, format: FormatId, index = 0): PlanItem => ({ axis: axis(id), format, truth: pingtan, index });
const values = (d: Draft): string[] => tablePieces(d.model).flatMap((p) => p.rows.filter(isDataRow).flatMap((r) => r.values.map((v) => `${v.key}=${v.text}`)));

describe('the footnotes axis', () => {
  const footnotesItem = (format: FormatId, index = 0): PlanItem => ({ axis: axis('footnotes'), format, truth: pingtan, index });

  it('puts a mark after some values and the notes under their tables, the truth unchanged', () => {
    const plainValues = values(draftVariant(1, item('plain', 'txt')));
    for (let seed = 1; seed <= 6; seed++) {
      const draft = draftVariant(seed, footnotesItem('txt'));
      const marked = values(draft).filter((v, i) => v !== plainValues[i]);
      expect(marked.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const v of marked) expect(v).toMatch(/\d(?:[①-⑩*＊※†‡¹²³⁴⁵⁶⁷⁸⁹]|\*\*|[[［]\d+[\]］]|[（(]?注\d+[）)]?)$/);
      expect(draft.model.blocks.some((b) => b.kind === 'paragraph' && b.text.startsWith('注：1. '))).toBe(true);
      expect(variantTruth(seed, footnotesItem('txt'), draft).cells).toEqual(pingtan.cells);
    }
  });

  it('raises the mark as <sup> only in pages and the Word files made from them', () => {
    const raisedIn = new Set<string>();
    for (const format of ['txt', 'md', 'html', 'html-word', 'docx', 'pdf', 'pdftotext', 'xlsx'] as const) {
      for (let seed = 1; seed <= 8; seed++) {
        const draft = draftVariant(seed, footnotesItem(format));
        if (JSON.stringify(draft.model).includes('\ue004')) raisedIn.add(format);
      }
    }
    expect([...raisedIn].sort()).toEqual(['docx', 'html', 'html-word']);
    for (let seed = 1; seed <= 8; seed++) {
      const draft = draftVariant(seed, footnotesItem('html'));
      if (JSON.stringify(draft.model).includes('\ue004')) expect(renderFast(draft)).toMatch(/\d<sup>\d+<\/sup><\/td>/);
    }
  });
});
