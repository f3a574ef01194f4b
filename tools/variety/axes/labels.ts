import { isDataRow, tablePieces } from '../model.js';
import type { Random } from '../random.js';
import type { Axis } from './axis.js';

/** Rewordings real reports make of template labels (the distinctive words stay). */
const REWORDINGS: [RegExp, string][] = [
  [/政府信息公开申请数量$/, '政府信息公开申请数'],
  [/（区分处理的，只计这一情形，不计其他情形）$/, ''],
  [/^(\d)\.属于/, '$1.'],
  [/相关政府信息$/, '相关的政府信息'],
  [/“三安全一稳定”/, '"三安全一稳定"'],
  [/继续办理$/, '继续办理的申请'],
  [/^行政规范性文件$/, '规范性文件'],
  [/本年度办理结果/, '本年度办理结果情况'],
];

/** Characters a typist or OCR swaps for look-alikes or homophones. */
const TYPOS: Record<string, string> = { 请: '清', 政: '正', 息: '悉', 处: '外', 理: '里', 公: '工', 开: '幵', 申: '甲', 数: '效', 年: '午' };

type Rewrite = (text: string) => string;

/** Label wording, bracket width, item numbering and a typo, varied from the template's. */
export const labels: Axis = {
  id: 'labels',
  apply(draft, random) {
    const rewrites: { name: string; rewrite: Rewrite }[] = [];
    if (random.chance(0.6)) rewrites.push({ name: 'half-width brackets', rewrite: (t) => t.replace(/（/g, '(').replace(/）/g, ')') });
    if (random.chance(0.6)) {
      const style = random.pick(['$1、', '（$1）', '$1．', '($1)']);
      rewrites.push({ name: `numbering ${style.replace('$1', '1')}`, rewrite: (t) => t.replace(/^(\d)\./, style) });
    }
    if (random.chance(0.6)) {
      const chosen = random.sample(REWORDINGS, random.int(1, 4));
      rewrites.push({ name: `reworded (${chosen.length})`, rewrite: (t) => chosen.reduce((s, [re, to]) => s.replace(re, to), t) });
    }
    const typo = rewrites.length === 0 || random.chance(0.5);
    for (const r of rewrites) draft.notes.push(r.name);
    const all = (t: string): string => rewrites.reduce((s, r) => r.rewrite(s), t);
    const rows = tablePieces(draft.model).flatMap((p) => p.rows);
    for (const row of rows) {
      if (isDataRow(row)) {
        row.label = row.label.map(all);
        row.groups = row.groups.map(all);
      } else row.head = row.head.map((c) => ({ ...c, text: all(c.text) }));
    }
    if (typo) {
      const candidates = rows.filter((r) => isDataRow(r) && r.label.join('').length >= 6);
      const row = candidates.length ? random.pick(candidates) : undefined;
      if (row && isDataRow(row)) {
        const before = row.label.join('');
        row.label = row.label.map((line, i) => (i === 0 ? misspell(line, random) : line));
        draft.notes.push(`typo in ${row.id}: ${before} → ${row.label.join('')}`);
      }
    }
  },
};

/** One look-alike character, or one or two characters dropped from the middle (如 其他法律行政止公开). */
function misspell(text: string, random: Random): string {
  const swappable = [...text].map((ch, i) => (TYPOS[ch] ? i : -1)).filter((i) => i > 0);
  if (swappable.length && random.chance(0.5)) {
    const at = random.pick(swappable);
    return text.slice(0, at) + TYPOS[text[at]] + text.slice(at + 1);
  }
  const at = random.int(2, Math.max(2, text.length - 3));
  return text.slice(0, at) + text.slice(at + random.int(1, 2));
}
