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
    // 信访举报投诉类申请 and 重复申请 are ways requests were closed, not the year's intake.
    reject: /复议|诉讼|结转|上年|信访|举报|投诉|重复/,
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
export function findProseFigures(blocks: Block[], wrappedLines = false, year?: number): Record<string, ProseFigure> {
  const found: Record<string, ProseFigure> = {};
  // A sentence not found whole in the text that was not OCR'd came (at least in part) from OCR.
  const ocr = blocks.some((b) => b.kind !== 'table' && b.prov?.origin === 'ocr');
  const printed = ocr ? new Set(sentencesOf(blocks.filter((b) => b.kind === 'table' || b.prov?.origin !== 'ocr'), wrappedLines)) : undefined;
  for (const sentence of sentencesOf(blocks, wrappedLines)) {
    // A number one requests figure's pattern reads is not another's (办结…申请218件结转下年度…, an OCR
    // line that lost the words between): earlier rules claim first, whether or not their figure is known.
    const claimed = new Set<number>();
    for (const rule of RULES) {
      const figure = matchRule(rule, sentence, claimed, year);
      if (figure && !found[rule.key]) found[rule.key] = printed && !printed.has(sentence) ? { ...figure, origin: 'ocr' } : figure;
    }
  }
  return found;
}

/** Each pattern compiled once to find every match with its indices ('dg'): a clause about another year is passed over, not the sentence. */
const EVERY_MATCH = new WeakMap<RegExp, RegExp>();
function everyMatch(pattern: RegExp): RegExp {
  let compiled = EVERY_MATCH.get(pattern);
  if (!compiled) EVERY_MATCH.set(pattern, (compiled = new RegExp(pattern.source, 'dg')));
  return compiled;
}

/**
 * Who applied or how (当面申请, 自然人提出的申请): a count so qualified is one part of the year's
 * applications, unless the qualifier names several parts at once (自然人、法人或其他组织提出的申请).
 */
const PART_QUALIFIER = /(?:当面|现场|窗口|网上|网络|在线|网站|信函|邮寄|邮件|电子邮件|传真|电话|自然人|公民|法人|其他组织|企业)(?:的|等)?(?:提出的?|提交的?|方式|渠道)?(?:的)?(?:政府信息公开)?(?:申请|依申请公开)$/;
/** Part words joined (当面、网上申请 / 自然人、法人或其他组织) name the whole; 法人或其他组织 alone is one part. */
const JOINED_PARTS = /(?:当面|现场|窗口|网上|网络|在线|网站|信函|邮寄|邮件|传真|电话|自然人|公民|法人|其他组织|企业)(?:申请)?[、和或及与](?:通过)?(?:当面|现场|窗口|网上|网络|在线|网站|信函|邮寄|电子邮件|邮件|传真|电话|自然人|公民|法人|其他组织|企业)/g;
/** The whole stated after the parts: …网上申请20件，共23件 / 合计23件. */
const WHOLE_AFTER = new RegExp(`(?:共|共计|合计|总计|总共|总数为?)(?:为|达)?${N}件`, 'd');
/** A clause about another year (2022年收到…, 去年受理…, 同比…) does not state this year's figure. */
const OTHER_TIME = /上一?年|去年|同期|同比|较|比上/;
const YEAR_IN = /(\d{4})年/g;

/** The clause a match sits in, from the last clause break before it up to the match. */
function clauseBefore(sentence: string, at: number): string {
  const before = sentence.slice(0, at);
  const cut = Math.max(...['，', ',', '；', ';', '。', '：', ':'].map((c) => before.lastIndexOf(c)));
  return before.slice(cut + 1);
}

function aboutAnotherYear(clause: string, year: number | undefined): boolean {
  if (OTHER_TIME.test(clause)) return true;
  if (year === undefined) return false;
  for (const m of clause.matchAll(YEAR_IN)) if (Number(m[1]) !== year) return true;
  return false;
}

/** A count of one part of the applications (当面申请3件): its figure is the whole stated after the parts, if any. */
function partOf(sentence: string, m: RegExpExecArray): number | undefined | null {
  const numberAt = m.indices![1]![0];
  const upToNumber = sentence.slice(m.index, numberAt).replace(/(?:公开)?(?:政府信息)?(?:事项)?(?:共计|共|合计|总计|总数|数量)?(?:为|达)?$/, '');
  if (!PART_QUALIFIER.test(upToNumber)) return null; // not a part
  const joins = [...upToNumber.matchAll(JOINED_PARTS)].filter((j) => j[0] !== '法人或其他组织');
  if (joins.length) return null; // several parts named at once: the whole
  const whole = WHOLE_AFTER.exec(sentence.slice(m.index + m[0].length));
  return whole ? parseNumber(whole[1]!) : undefined;
}

function matchRule(rule: ProseRule, sentence: string, claimed: Set<number>, year?: number): ProseFigure | undefined {
  for (const pattern of rule.patterns) {
    // Most sentences match no pattern: one plain test (no iterator, no copy of the pattern, no
    // indices) passes them over; matchAll finds nothing where test finds nothing.
    if (!pattern.test(sentence)) continue;
    for (const m of sentence.matchAll(everyMatch(pattern))) {
      if (rule.reject && rule.reject.test(m[0])) continue;
      if (aboutAnotherYear(clauseBefore(sentence, m.index), year)) continue;
      // Only the requests counts compete for a number (行政复议、行政诉讼均为0件 states both appeals at once).
      const at = rule.key.startsWith('requests.') ? m.indices![1]![0] : -1;
      if (claimed.has(at)) continue;
      const part = rule.key.startsWith('requests.') ? partOf(sentence, m) : null;
      if (part === undefined) continue;
      const value = part ?? parseNumber(m[1]!);
      if (value !== undefined) {
        if (at >= 0) claimed.add(at);
        return { value, sentence };
      }
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
