import { isDataRow, tablePieces, type ReportModel, type ValueCell } from '../model.js';
import type { Random } from '../random.js';
import type { Axis, FormatId } from './axis.js';
import { hidden, hiddenCell } from '../render/marks.js';
import type { HtmlHiding } from '../render/hidden-html.js';
import { WORD_HIDINGS } from '../render/docx-hidden.js';

/**
 * The characters real pages carry that a reader does not see but a parser does, one kind per variant in
 * turn, the later variants two kinds at once (the formats LibreOffice or Chromium make, three variants a
 * seed, draw their kind): short labels padded with ideographic spaces to line them up (自　然　人,
 * 总　　计) or indented by them; zero-width characters (U+200B–U+200D, U+2060, a BOM U+FEFF, a soft
 * hyphen U+00AD) inside labels and headings; zero-width characters inside or beside numbers (1<U+200B>2),
 * in the tables and in the prose's figures and the title's year; values padded with no-break, thin, en or
 * ideographic spaces (　12　), blanks printed as a lone such space; runs of spaces (tabs, outside crawler
 * text) inside labels; CRLF or CR line ends (text, Markdown, HTML); HTML numeric entities (&#48;,
 * &#x200b;, &#160;) and <wbr>; in Word, text in the hidden font (render/docx-hidden.ts). The truth is unchanged: the characters are noise, and a number split by a
 * zero-width character is still that number. Not in LibreOffice's PDF (and pdftotext, made from it): there
 * many zero-width characters in one table widen its layout until the last column falls off the page, so
 * the truth would hold cells the PDF does not show.
 */
export const invisible: Axis = {
  id: 'invisible',
  formats: ['txt', 'md', 'html', 'html-word', 'docx', 'pdf-chrome', 'doc', 'xlsx', 'xls', 'csv'],
  apply(draft, random) {
    const kinds = kindsFor(draft.format);
    const slow = !['txt', 'md', 'html', 'html-word'].includes(draft.format);
    const chosen = draft.index < kinds.length ? [slow ? random.pick(kinds) : kinds[draft.index]] : random.sample(kinds, 2);
    if (draft.format === 'txt' && random.chance(0.5)) draft.separator = 'spaces';
    for (const kind of chosen) draft.notes.push(APPLY[kind](draft.model, random, draft.format));
    if (draft.format === 'txt') draft.notes.push(`separator ${draft.separator}`);
  },
};

const KINDS = ['padded-labels', 'zero-width-labels', 'zero-width-numbers', 'spaced-values', 'space-runs', 'line-ends', 'entities', 'hidden-text'] as const;
type Kind = (typeof KINDS)[number];

/** The kinds that mean something in a format: line ends in text files, entities in HTML source, Word's hidden font in Word. */
const ONLY_IN: Partial<Record<Kind, FormatId[]>> = { 'line-ends': ['txt', 'md', 'html', 'html-word'], entities: ['html', 'html-word'], 'hidden-text': ['docx', 'html', 'html-word', 'pdf-chrome'] };
function kindsFor(format: FormatId): Kind[] {
  return KINDS.filter((k) => ONLY_IN[k]?.includes(format) ?? true);
}

/** Characters of no width: zero-width space, non-joiner, joiner, word joiner, a BOM in mid-text; the soft hyphen (labels only). */
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const SOFT_HYPHEN = '\u00ad';
/** Spaces a value is padded with: ASCII, no-break, en, em, thin, ideographic. */
const PADDING = [' ', '  ', '\u00a0', '\u00a0\u00a0', '\u2002', '\u2003', '\u2009', '\u3000'];

/** Every label text of the tables (header cells, body heading rows, group and row labels), rewritten in place. */
function rewriteLabels(model: ReportModel, rewrite: (text: string) => string): void {
  for (const piece of tablePieces(model)) {
    piece.header = piece.header.map((row) => row.map((c) => ({ ...c, text: rewrite(c.text) })));
    for (const row of piece.rows) {
      if (isDataRow(row)) {
        row.label = row.label.map(rewrite);
        row.groups = row.groups.map(rewrite);
      } else row.head = row.head.map((c) => ({ ...c, text: rewrite(c.text) }));
    }
  }
}

function values(model: ReportModel): ValueCell[] {
  return tablePieces(model).flatMap((p) => p.rows.filter(isDataRow).flatMap((r) => r.values.filter((v) => v.key)));
}

/** The text with `insert` at a random place inside it (never before its first character or after its last). */
function insertInside(text: string, insert: string, random: Random): string {
  const chars = [...text];
  if (chars.length < 2) return text;
  const at = random.int(1, chars.length - 1);
  return chars.slice(0, at).join('') + insert + chars.slice(at).join('');
}

const APPLY: Record<Kind, (model: ReportModel, random: Random, format: FormatId) => string> = {
  'padded-labels'(model, random) {
    const indent = random.chance(0.5);
    // Typists line short labels up to four characters' width: 自　然　人, 总　　计, 商业企业 unchanged.
    rewriteLabels(model, (text) => {
      const chars = [...text];
      if (chars.length >= 2 && chars.length <= 3 && /^[\u4e00-\u9fff]+$/.test(text)) return chars.join(chars.length === 2 ? '\u3000\u3000' : '\u3000');
      return indent && chars.length > 4 && random.chance(0.4) ? `\u3000\u3000${text}` : text;
    });
    return `short labels spread by U+3000${indent ? ', some labels indented by two' : ''}`;
  },
  'zero-width-labels'(model, random) {
    const share = random.between(0.3, 0.8);
    const pick = () => (random.chance(0.15) ? SOFT_HYPHEN : random.pick(ZERO_WIDTH));
    const rewrite = (text: string) => (random.chance(share) ? insertInside(text, pick(), random) : text);
    rewriteLabels(model, rewrite);
    const headings = random.chance(0.5);
    if (headings) for (const block of model.blocks) if (block.kind === 'heading') block.text = rewrite(block.text);
    return `zero-width characters in ${Math.round(share * 100)}% of labels${headings ? ' and headings' : ''}`;
  },
  'zero-width-numbers'(model, random) {
    const share = random.between(0.3, 0.8);
    for (const v of values(model)) {
      if (!random.chance(share)) continue;
      const ch = random.pick(ZERO_WIDTH);
      const digits = [...v.text];
      if (digits.length >= 2 && random.chance(0.7)) v.text = insertInside(v.text, ch, random);
      else v.text = random.chance(0.5) ? ch + v.text : v.text + ch;
    }
    // The prose's figures and the title's year too, as a page carries them anywhere (收到申请8\u200b1件, 20\u200b23年).
    const prose = random.chance(0.5);
    if (prose) {
      for (const block of model.blocks) {
        if (block.kind === 'title' || (block.kind === 'paragraph' && block.figures)) block.text = block.text.replace(/\d{2,}/g, (n) => insertInside(n, random.pick(ZERO_WIDTH), random));
      }
    }
    return `zero-width characters inside or beside ${Math.round(share * 100)}% of values${prose ? ', inside the prose figures and the title\'s year' : ''}`;
  },
  'spaced-values'(model, random) {
    const share = random.between(0.4, 1);
    const ways = random.sample(PADDING, random.int(1, 3));
    for (const v of values(model)) {
      if (!random.chance(share)) continue;
      const pad = random.pick(ways);
      const side = random.int(0, 2);
      v.text = `${side !== 1 ? pad : ''}${v.text}${side !== 0 ? pad : ''}`;
    }
    return `values padded with ${ways.map((w) => [...w].map((c) => `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join(', ')}`;
  },
  'space-runs'(model, random, format) {
    const share = random.between(0.2, 0.6);
    const runs = format === 'txt' ? ['  ', '   ', '\u2009\u2009'] : ['  ', '   ', '\t', ' \t'];
    rewriteLabels(model, (text) => {
      if (!random.chance(share)) return text;
      const run = random.pick(runs);
      // After the label's numbering (（一） 予以公开, 1.  本年新收) where it has one, else inside or after it.
      const numbered = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.exec(text);
      if (numbered) return numbered[0] + run + text.slice(numbered[0].length);
      return random.chance(0.5) ? insertInside(text, run, random) : text + run;
    });
    return `runs of spaces inside ${Math.round(share * 100)}% of labels`;
  },
  'line-ends'(model, random) {
    model.spelling = { ...model.spelling, lineEnds: random.chance(0.75) ? '\r\n' : '\r' };
    return `line ends ${model.spelling.lineEnds === '\r\n' ? 'CRLF' : 'CR'}`;
  },
  'hidden-text'(model, random, format) {
    // What an editor hides rather than deletes: another figure glued to a value (12 shown, 12345 typed), an
    // older year beside the title's, last year's sentence in the prose; in a page also a cell of last year's
    // figure after a value's. Word neither shows nor prints it, a browser neither shows nor prints it.
    const share = random.between(0.2, 0.6);
    const cells = format !== 'docx' && !model.structure && !model.flattened;
    let hiddenCells = 0;
    for (const v of values(model)) {
      if (!random.chance(share)) continue;
      if (cells && random.chance(0.4)) {
        v.text += hiddenCell(String(random.int(0, 999)));
        hiddenCells++;
      } else v.text += hidden(String(random.int(0, 999)));
    }
    for (const block of model.blocks) {
      if (block.kind === 'title') block.text = block.text.replace(/\d{4}年/, (year) => `${hidden(`${Number(year.slice(0, 4)) - 1}年`)}${year}`);
      else if (block.kind === 'paragraph' && block.figures) block.text = `${hidden(`上年收到申请${random.int(10, 999)}件。`)}${block.text}`;
    }
    if (format === 'docx') {
      model.wordHiding = random.pick(WORD_HIDINGS);
      const how = model.wordHiding === 'vanish' ? "Word's hidden font on" : 'tracked deletions of';
      return `${how} figures glued to ${Math.round(share * 100)}% of values, an older year in the title, a sentence before the figures`;
    }
    model.hiding = format === 'html-word' ? 'word' : random.pick<HtmlHiding>(['style', 'attribute', 'class']);
    return `hidden by ${model.hiding}: figures glued to ${Math.round(share * 100)}% of values (${hiddenCells} as cells of their own), an older year in the title, a sentence before the figures`;
  },
  entities(model, random) {
    model.spelling = { ...model.spelling, entities: true };
    // Characters for the entities to spell: <wbr>/&#x200b; in labels, &nbsp;/&#160; after values.
    rewriteLabels(model, (text) => (random.chance(0.3) ? insertInside(text, '\u200b', random) : text));
    for (const v of values(model)) if (random.chance(0.3)) v.text += '\u00a0';
    return 'digits, zero-width and no-break spaces as numeric entities, <wbr> in labels';
  },
};
