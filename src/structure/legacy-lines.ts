/**
 * Pre-2019 reports (2009–2012 most) that print their statistics not as a table but as text lines, one
 * figure a line under the sections' headings: 二、主动公开情况 / 主动公开政府信息数：3460条 / 其中：主动公开
 * 规范性文件数：12条. Read into legacy_stats rows like a table's: each line an indicator, its unit and its
 * value, a numbered heading among them a section row (no unit, no value). A modern report's prose prints
 * the same shape (主动公开政府信息125条), so the caller asks only for a report of before 2019 printing no
 * template table and no statistics table; and only a run of such lines counts: every text of a block taken
 * whole by lines of the shape (a text reader may have joined two lines into one paragraph), at least
 * MIN_RUN_LINES of them in a run (headings between them), and no sentence among them.
 */
import type { Block } from '../../extractors/model.js';
import { STAT_UNITS } from '../../extractors/legacy-headings.js';
import { NUMBERING_START } from '../../extractors/txt/lines.js';
import { FIGURE_DIGITS } from '../../extractors/value-token.js';
import type { LegacyStat } from './legacy.js';
import { cleanText } from './text.js';

/** Lines of the shape a run needs, at least (fewer is prose stating two figures). */
const MIN_RUN_LINES = 3;

const UNITS = [...STAT_UNITS].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&')).join('|');
/**
 * One line: the indicator (no sentence's punctuation, no digit outside brackets before its colon), a colon
 * (or spaces), the value as typed (FIGURE_DIGITS: thousands separators, at most 15 digits), its unit or
 * none, a closing stop at most.
 */
const LINE = new RegExp(`([^，。；！？,;!?：:]+?(?:[：:][^，。；！？,;!?：:\\d]+?)?)(?:[：:][ \\u3000]*|[ \\u3000]+)(${FIGURE_DIGITS})(\\.\\d+)?[ \\u3000]*(${UNITS})?[。；;]?`, 'y');

interface LineStat {
  indicator: string;
  unit: string;
  value: number;
}

/** A block's text as lines of the shape, whole; undefined when any of it is not one. */
function statLines(text: string): LineStat[] | undefined {
  // Full-width digits as digits (one for one: the indicator's words stay as printed).
  // The text as printed (cleanText would join 网络申请数 35件's words and number: the space parts them).
  const folded = text.replace(/[\s\u3000]+/g, ' ').trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)[，．](?=\d)/g, (c) => (c === '，' ? ',' : '.'));
  const lines: LineStat[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < folded.length) {
    const at = LINE.lastIndex;
    const m = LINE.exec(folded);
    if (!m) return undefined;
    const indicator = m[1]!.trim();
    // An indicator of words: not a number, not a year or date (2012年1月1日), not a sentence's start (全年共).
    if (indicator.length < 2 || /\d/.test(indicator.replace(/[（(][^（）()]*[）)]/g, '')) || /^(?:全年|共|其中$)/.test(indicator)) return undefined;
    lines.push({ indicator, unit: m[4] ?? '', value: Number(m[2]!.replace(/,/g, '') + (m[3] ?? '')) });
    if (LINE.lastIndex === at) return undefined;
  }
  return lines.length ? lines : undefined;
}

/** A numbered heading among the lines (二、主动公开情况): a section row. */
const isSection = (text: string): boolean => {
  const t = cleanText(text).trim();
  return NUMBERING_START.test(t) && t.length <= 30 && !/[，。；！？,;!?：:\d]/.test(t.replace(NUMBERING_START, ''));
};

/**
 * The runs of statistics lines among the report's text blocks, as legacy rows; undefined when there is none.
 * A run: blocks whose text is statistics lines whole, with numbered headings between (a heading right
 * before its first line opens it), at least MIN_RUN_LINES lines. A value OCR read is in doubt (ocr-unverified).
 */
export function findLegacyLines(blocks: Block[]): LegacyStat[] | undefined {
  const stats: LegacyStat[] = [];
  let run: LegacyStat[] = [];
  let lines = 0;
  let heading: LegacyStat | undefined;
  const close = () => {
    if (lines >= MIN_RUN_LINES) stats.push(...run);
    run = [];
    lines = 0;
  };
  for (const block of blocks) {
    // A text reader may have set lines with a number at their end as a table (网络申请数 | 35件): its rows are the lines.
    const texts = block.kind === 'table' ? block.rows.map((row) => row.filter((c) => !c.spanned).map((c) => c.text.trim()).filter((t) => t !== '').join(' ')) : [block.text];
    const parts = texts.map(statLines);
    const read = parts.every((p) => p !== undefined) ? parts.flatMap((p) => p!) : undefined;
    if (block.kind === 'table' && !read) {
      close();
      heading = undefined;
      continue;
    }
    if (read) {
      if (heading) run.push(heading);
      heading = undefined;
      const doubt = block.prov?.origin === 'ocr' ? { doubt: 'ocr-unverified' } : {};
      run.push(...read.map((l) => ({ ...l, ...doubt })));
      lines += read.length;
      continue;
    }
    if (block.kind !== 'table' && isSection(block.text)) {
      // A heading between two runs of lines, or before the first: a section row when lines follow it.
      heading = { indicator: cleanText(block.text).trim(), unit: '', value: null };
      continue;
    }
    close();
    heading = undefined;
  }
  close();
  return stats.length ? stats : undefined;
}
