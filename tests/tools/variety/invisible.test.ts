import { describe, expect, it } from 'vitest';
import { AXES, type FormatId } from '../../../tools/variety/axes/index.js';
import { draftVariant, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import { isDataRow, tablePieces } from '../../../tools/variety/model.js';
import type { Draft } from '../../../tools/variety/axes/axis.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import { hideMarkedRuns } from '../../../tools/variety/render/docx-hidden.js';
import { withoutHidden } from '../../../tools/variety/render/marks.js';

const truths = await loadTruths('../shared/corpus');
const pingtan = truths.find((t) => t.id === 'pingtan-2023-page')!;
const axis = (id: string) => AXES.find((a) => a.id === id)!;
const item = (id: string, format: FormatId, index = 0): PlanItem => ({ axis: axis(id), format, truth: pingtan, index });

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
/** A value or label with the axis's noise taken out: characters of no width, every kind of space. */
const bare = (text: string): string => text.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\u00ad]+/g, '');
const values = (d: Draft): string[] => tablePieces(d.model).flatMap((p) => p.rows.filter(isDataRow).flatMap((r) => r.values.map((v) => `${v.key}=${v.text}`)));
const labels = (d: Draft): string[] => tablePieces(d.model).flatMap((p) => p.rows.filter(isDataRow).flatMap((r) => [...r.groups, ...r.label]));

describe('the invisible axis', () => {
  const plain = draftVariant(1, item('plain', 'html'));

  it('takes one kind per variant in turn in HTML (eight kinds), then two at once', () => {
    const notes = Array.from({ length: 10 }, (_, i) => draftVariant(1, item('invisible', 'html', i)).notes);
    expect(notes.slice(0, 8).map((n) => n.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(notes.slice(0, 8).map((n) => n[0].split(' ')[0])).toEqual(['short', 'zero-width', 'zero-width', 'values', 'runs', 'line', 'digits,', 'hidden']);
    expect(notes[8]).toHaveLength(2);
    expect(notes[9]).toHaveLength(2);
  });

  it('leaves line ends and entities out of formats that have none (DOCX, pdf-chrome), and keeps the txt separator told', () => {
    for (const format of ['docx', 'pdf-chrome'] as const) {
      for (let i = 0; i < 8; i++) expect(draftVariant(i + 1, item('invisible', format, i)).model.spelling).toBeUndefined();
    }
    expect(draftVariant(1, item('invisible', 'txt')).notes.at(-1)).toMatch(/^separator (tabs|spaces)$/);
  });

  it('spreads short labels with ideographic spaces (自　然　人, 总　　计)', () => {
    const text = renderFast(draftVariant(1, item('invisible', 'txt', 0)));
    expect(text).toContain('自\u3000然\u3000人');
    expect(text).toMatch(/总\u3000\u3000计/);
  });

  it('puts characters of no width inside labels, and inside or beside numbers, never changing what is left', () => {
    const inLabels = draftVariant(1, item('invisible', 'html', 1));
    expect(labels(inLabels).filter((l) => ZERO_WIDTH.test(l)).length).toBeGreaterThan(3);
    expect(labels(inLabels).map(bare)).toEqual(labels(plain).map(bare));
    const inNumbers = draftVariant(1, item('invisible', 'html', 2));
    expect(values(inNumbers).filter((v) => /\d[\u200b-\u200d\u2060\ufeff]\d/.test(v)).length).toBeGreaterThan(3);
    expect(values(inNumbers).map(bare)).toEqual(values(plain).map(bare));
  });

  it('pads values with no-break, thin, en or ideographic spaces', () => {
    const draft = draftVariant(1, item('invisible', 'html', 3));
    expect(values(draft).filter((v) => /^[^=]*=[\s\u00a0\u3000]|[\s\u00a0\u3000]$/.test(v)).length).toBeGreaterThan(10);
    expect(values(draft).map(bare)).toEqual(values(plain).map(bare));
  });

  it('ends lines with CRLF or a lone CR in text, Markdown and HTML', () => {
    for (const format of ['txt', 'md', 'html', 'html-word'] as const) {
      const text = renderFast(draftVariant(1, item('invisible', format, 5)));
      expect(text).toMatch(/\r/);
      expect(text).not.toMatch(/[^\r]\n/);
    }
  });

  it('spells digits, zero-width and no-break spaces as numeric entities and <wbr> in HTML text, never in markup', () => {
    const html = renderFast(draftVariant(1, item('invisible', 'html', 6)));
    expect(html).toMatch(/<td[^>]*>[^<]*&#(4[89]|5[0-7]|x3[0-9]);/);
    expect(html).toMatch(/<wbr>|&#x200b;|&#8203;/);
    expect(html).toMatch(/&nbsp;|&#160;|&#xa0;/);
    expect(html).toContain('colspan="3"');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('leaves the truth as it is: every cell printed, none dropped', () => {
    for (let i = 0; i < 9; i++) {
      const draft = draftVariant(1, item('invisible', 'txt', i));
      const truth = variantTruth(1, item('invisible', 'txt', i), draft);
      expect(truth.not_printed).toEqual([]);
      expect(truth.cells).toEqual(pingtan.cells);
    }
  });

  it('hides text in Word and in pages only (figures glued to values, cells of their own in pages, an older year, a sentence), leaving the truth as it is', () => {
    for (const format of ['docx', 'html', 'html-word', 'pdf-chrome'] as const) {
      const drafts = Array.from({ length: 24 }, (_, i) => draftVariant(i + 1, item('invisible', format, i % 9)));
      const hiding = drafts.filter((d) => d.notes.some((n) => n.startsWith("Word's hidden font") || n.startsWith('hidden by')));
      expect(hiding.length, format).toBeGreaterThan(0);
      for (const draft of hiding) {
        expect(values(draft).some((v) => /\d[\ue000\ue002]\d+[\ue001\ue003]$/.test(v))).toBe(true);
        expect(values(draft).map((v) => bare(withoutHidden(v)))).toEqual(values(plain).map(bare));
        expect(bare(draft.model.blocks.find((b) => b.kind === 'title')?.text ?? '')).toMatch(/\ue000\d{4}年\ue001\d{4}年/);
        // Word has no hidden cell of its own: the page's kind only.
        if (format === 'docx') expect(values(draft).some((v) => v.includes('\ue002'))).toBe(false);
        else expect(draft.model.hiding).toBeDefined();
      }
    }
    for (const format of ['txt', 'md', 'pdf', 'doc', 'xlsx', 'xls', 'csv'] as const) {
      for (let i = 0; i < 10; i++) expect(JSON.stringify(draftVariant(i + 1, item('invisible', format, i)).model)).not.toMatch(/[\ue000-\ue003]/);
    }
  });

  it('spells the hidden text in a page as the draw says (display:none, hidden, a stylesheet class, Word\'s mso-hide), no mark left', () => {
    const hidings = new Set<string>();
    for (let seed = 1; seed <= 40 && hidings.size < 4; seed++) {
      for (const format of ['html', 'html-word'] as const) {
        const draft = draftVariant(seed, item('invisible', format, 7));
        if (!draft.model.hiding) continue;
        hidings.add(draft.model.hiding);
        const html = renderFast(draft);
        expect(html).not.toMatch(/[\ue000-\ue003]/);
        const attributes = { style: ' style="display:none"', attribute: ' hidden', class: ' class="nb-hide"', word: " style='display:none;mso-hide:all'" }[draft.model.hiding];
        expect(html).toContain(`<span${attributes}>`);
        expect(html).toMatch(new RegExp(`</td><td${attributes.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>\\d+</td>`));
        if (draft.model.hiding === 'class') expect(html).toContain('.nb-hide{display:none}');
        expect(html).toMatch(/<title>[^<\ue000]*<\/title>|<meta name=Generator/);
      }
    }
    expect([...hidings].sort()).toEqual(['attribute', 'class', 'style', 'word']);
  });
});

describe("Word's hidden font in a generated document", () => {
  it('turns every marked stretch into hidden runs, followed from run to run, and drops the marks', () => {
    const xml =
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>12\ue000</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>34</w:t></w:r><w:r><w:t>5\ue001 件</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>无标记</w:t></w:r></w:p>';
    expect(hideMarkedRuns(xml)).toBe(
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">12</w:t></w:r>' +
        '<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t xml:space="preserve">34</w:t></w:r>' +
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">5</w:t></w:r><w:r><w:rPr></w:rPr><w:t xml:space="preserve"> 件</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>无标记</w:t></w:r></w:p>',
    );
  });
});

describe('a Word document keeping the marked text as tracked deletions', () => {
  it('puts each marked stretch in a deleted run of its own (w:del around w:delText), each deletion with its own id', () => {
    const xml = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>12\ue000</w:t></w:r><w:r><w:t>34\ue001 件</w:t></w:r></w:p>';
    expect(hideMarkedRuns(xml, 'deleted')).toBe(
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">12</w:t></w:r>' +
        '<w:del w:id="9000" w:author="审核" w:date="2025-01-20T09:00:00Z"><w:r><w:rPr></w:rPr><w:delText xml:space="preserve">34</w:delText></w:r></w:del>' +
        '<w:r><w:rPr></w:rPr><w:t xml:space="preserve"> 件</w:t></w:r></w:p>',
    );
  });

  it('is drawn for some DOCX variants of the hidden-text kind, Word\'s hidden font for the others', () => {
    const hidings = Array.from({ length: 40 }, (_, i) => draftVariant(1, item('invisible', 'docx', i)))
      .filter((d) => d.notes.some((n) => /figures glued/.test(n)))
      .map((d) => d.model.wordHiding);
    expect(new Set(hidings)).toEqual(new Set(['vanish', 'deleted']));
  });
});
