/**
 * Figures the report states in its text, keyed by the cell they correspond to where one exists
 * (requests.new_received.total …) or by a name of their own (appeals.litigation.total, proactive_items,
 * fees_yuan). Each pattern is anchored on the verb and the noun so that percentages (占51.85%),
 * years and sub-counts (涉及自然人80件) never read as totals. The first statement in the text wins.
 */
import type { Block } from '../../extractors/model.js';
import { CHINESE_NUMERAL_CHARS, NUMBER_PATTERN, parseNumber } from './numerals.js';
import { continuesLine, parseHeading, splitInlineHeadings } from './headings.js';
import { cleanText, isPageNumber } from './text.js';

export interface ProseFigure {
  value: number;
  sentence: string;
  /** 'ocr' when the sentence was read by OCR (a scan, a picture): its number is then a reading in doubt. */
  origin?: 'ocr';
}

interface ProseRule {
  key: string;
  /** Group 1 is the number. */
  patterns: RegExp[];
  /** Statements that the figure is nil (未收到…申请, 未收取…费用). */
  zero?: RegExp[];
  /** A match whose text contains this is about something else. */
  reject?: RegExp;
}

const N = `(${NUMBER_PATTERN})`;
const GAP = (n: number) => `[^。；;，,]{0,${n}}?`;
const re = (source: string) => new RegExp(source);
const APPLICATION_TAIL = `(?:公开)?(?:政府信息)?(?:事项)?(?:共计|共|合计|总计|总数|数量)?(?:为|达)?`;

/** 行政复议、行政诉讼各1件 / 行政复议和行政诉讼均为0件: one figure for both. */
const BOTH_APPEALS = `行政复议(?:案件)?[、和及与]?(?:行政)?诉讼(?:案件)?(?:数量)?(?:各|均为|均|都为)${N}(?:件|起|宗|个)?`;

/** The figures prose can state, by cell key (after RULES below). */
export const proseKeys = (): string[] => [...new Set(RULES.map((r) => r.key))];

const RULES: ProseRule[] = [
  {
    key: 'requests.new_received.total',
    patterns: [re(`(?:收到|受理|接收|接到|新收|共收)(?:了)?${GAP(30)}申请${APPLICATION_TAIL}${N}件`)],
    zero: [re(`未(?:收到|受理|接到|接收|发生)${GAP(24)}申请`), re(`(?:无|没有)${GAP(6)}(?:政府信息公开申请|依申请公开)(?:事项|情况)?`)],
    reject: /复议|诉讼|结转|上年/,
  },
  {
    key: 'requests.carried_over.total',
    patterns: [re(`上(?:一)?年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:为)?${N}件`)],
  },
  {
    key: 'requests.total_processed.total',
    patterns: [
      re(`(?:办结|答复|办理)(?:了)?[^。；;，,\\d]{0,14}?(?:申请|依申请公开)${APPLICATION_TAIL}${N}件`),
      // 受理…申请3119件，答复3050件: the second verb reuses the first clause's noun.
      re(`申请${APPLICATION_TAIL}${NUMBER_PATTERN}件[，,](?:共|已|均)?(?:答复|办结|办理)(?:了)?${N}件`),
    ],
    reject: /复议|诉讼|不予|其他处理/,
  },
  {
    key: 'requests.carried_forward.total',
    patterns: [
      re(`结转(?:至|到)?下(?:一)?年度?(?:继续)?(?:办理|答复)?(?:的)?(?:申请)?(?:共)?(?:为)?${N}件`),
      // A count its own verb claims (答复218件结转下年度, an OCR line that lost the words between) is not this one.
      re(`(?<![\\d.${CHINESE_NUMERAL_CHARS}]|\\d,|(?:答复|办结|办理|受理|收到|接到|接收|新收|共收|处理)(?:了|共|共计)?)${N}件(?:申请)?[^。；;，,\\d]{0,16}?(?:顺延|结转|转入)(?:至|到)?下(?:一)?年`),
    ],
  },
  {
    key: 'appeals.review.total',
    patterns: [re(`行政复议(?:案件|申请)?(?:共计|共)?(?:为)?${N}(?:件|起|宗|个)`), re(BOTH_APPEALS)],
    zero: [re(`(?:未|无|没有)(?:发生|收到|出现|接到)?${GAP(24)}行政复议`)],
    reject: /未经复议/,
  },
  {
    key: 'appeals.litigation.total',
    patterns: [re(`(?:行政)?诉讼(?:案件)?(?:共计|共)?(?:为)?${N}(?:件|起|宗|个)`), re(BOTH_APPEALS)],
    zero: [re(`(?:未|无|没有)(?:发生|收到|出现|接到)?${GAP(30)}行政诉讼`)],
    reject: /未经复议/,
  },
  {
    key: 'proactive_items',
    patterns: [re(`主动公开(?:了)?(?:各类|各项)?(?:政府|政务)?信息(?:共计|共|合计)?(?:为|达)?${N}余?条`)],
  },
  {
    key: 'fees_yuan',
    patterns: [
      re(`信息处理费[^。；;，,\\d]{0,6}?${N}元`),
      re(`(?:依申请公开|政府信息公开)${GAP(10)}(?:收取|收费)[^。；;，,\\d]{0,10}?${N}元`),
    ],
    zero: [
      re(`(?:未|无|没有|暂不|不)(?:收取|收)(?:任何)?${GAP(12)}费`),
      re(`(?:未|无|没有)(?:产生|发生)?(?:任何)?(?:政府)?信息(?:公开)?(?:信息)?处理费`),
    ],
    reject: /行政事业性/,
  },
];

/** Figures stated in the text blocks, in document order, first statement per key. */
export function findProseFigures(blocks: Block[], wrappedLines = false): Record<string, ProseFigure> {
  const found: Record<string, ProseFigure> = {};
  // A sentence not found whole in the text that was not OCR'd came (at least in part) from OCR.
  const ocr = blocks.some((b) => b.kind !== 'table' && b.prov?.origin === 'ocr');
  const printed = ocr ? new Set(sentencesOf(blocks.filter((b) => b.kind === 'table' || b.prov?.origin !== 'ocr'), wrappedLines)) : undefined;
  for (const sentence of sentencesOf(blocks, wrappedLines)) {
    // A number one requests figure's pattern reads is not another's (办结…申请218件结转下年度…, an OCR
    // line that lost the words between): earlier rules claim first, whether or not their figure is known.
    const claimed = new Set<number>();
    for (const rule of RULES) {
      const figure = matchRule(rule, sentence, claimed);
      if (figure && !found[rule.key]) found[rule.key] = printed && !printed.has(sentence) ? { ...figure, origin: 'ocr' } : figure;
    }
  }
  return found;
}

/** Each pattern once with match indices ('d'), as it was matched: the same source, no other flag. */
const WITH_INDICES = new WeakMap<RegExp, RegExp>();
function withIndices(pattern: RegExp): RegExp {
  let compiled = WITH_INDICES.get(pattern);
  if (!compiled) WITH_INDICES.set(pattern, (compiled = new RegExp(pattern.source, 'd')));
  return compiled;
}

function matchRule(rule: ProseRule, sentence: string, claimed: Set<number>): ProseFigure | undefined {
  for (const pattern of rule.patterns) {
    const m = withIndices(pattern).exec(sentence);
    if (!m || (rule.reject && rule.reject.test(m[0]))) continue;
    // Only the requests counts compete for a number (行政复议、行政诉讼均为0件 states both appeals at once).
    const at = rule.key.startsWith('requests.') ? m.indices![1]![0] : -1;
    if (claimed.has(at)) continue;
    const value = parseNumber(m[1]!);
    if (value !== undefined) {
      if (at >= 0) claimed.add(at);
      return { value, sentence };
    }
  }
  for (const pattern of rule.zero ?? []) {
    const m = pattern.exec(sentence);
    if (m && !(rule.reject && rule.reject.test(m[0]))) return { value: 0, sentence };
  }
  return undefined;
}

/** A heading line carrying its body: the heading on a line of its own, so the body's sentence stands alone. */
function headingApart(piece: string): string {
  const heading = parseHeading(piece);
  return heading?.body ? `${heading.number}${heading.title}\n${heading.body}` : piece;
}

export function sentencesOf(blocks: Block[], wrappedLines = false): string[] {
  let text = '';
  let previous = '';
  for (const block of blocks) {
    if (block.kind === 'table') {
      text += '\n';
      previous = '';
      continue;
    }
    const t = cleanText(block.text);
    if (!t || isPageNumber(t)) continue;
    // Lines a PDF wrapped mid-sentence are rejoined before splitting into sentences; a heading
    // glued into a flattened paragraph is not part of the sentence after it.
    text += (continuesLine(previous, wrappedLines) ? '' : '\n') + splitInlineHeadings(t).map(headingApart).join('\n');
    previous = t;
  }
  return text
    .split(/(?<=[。！？!?])|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
