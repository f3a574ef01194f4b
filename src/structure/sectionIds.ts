/**
 * Which template section (report-template-2021.md, and the 2008-regulation headings of pre-2019
 * reports that mean the same) a level-1 heading is. Matched on distinctive words, not exact wording:
 * real reports reword freely (因政府信息公开工作被申请行政复议、提起行政诉讼情况).
 */
import { compactText } from './text.js';

export const SECTION_IDS = ['overview', 'proactive', 'requests', 'appeals', 'problems', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

// Checked in this order: the appeals heading mentions 申请 and the requests heading mentions 公开.
const RULES: [SectionId, RegExp][] = [
  ['other', /其他需要报告|其他事项/],
  ['appeals', /行政复议|行政诉讼|复议.*诉讼/],
  ['problems', /问题|不足|改进措施|改进情况/],
  ['requests', /依申请|收到和处理|申请公开|公开申请/],
  ['proactive', /主动公开/],
  ['overview', /总体情况|概述|概况|基本情况|总体工作/],
];

export function sectionIdOf(title: string): SectionId | undefined {
  const t = compactText(title);
  if (!t || t.length > 40) return undefined;
  for (const [id, re] of RULES) if (re.test(t)) return id;
  return undefined;
}

/**
 * Heading phrases that can end a title glued to its body with no punctuation in flattened texts
 * (（一）主动公开方面平潭…): the title is the phrase, the rest is body.
 */
export const KNOWN_TITLE_PHRASES: RegExp[] = [
  /^(?:政府信息公开)?(?:工作)?(?:总体情况|概述|概况)/,
  /^主动公开(?:政府信息)?(?:工作)?(?:的)?(?:情况|方面)/,
  /^(?:收到和处理|政府信息依申请公开|依申请公开)[^。，；]{0,14}?(?:情况|方面)/,
  /^[^。，；]{0,16}?行政复议[^。，；]{0,16}?(?:情况|方面)/,
  /^(?:政府信息公开工作)?(?:存在的)?主要问题[^。，；]{0,10}?(?:情况|措施|方面)/,
  /^其他需要报告的事项/,
  /^(?:政府信息管理|(?:政府)?信息公开平台建设|平台建设|监督保障)(?:工作)?(?:情况|方面)?/,
];

/** The six canonical headings of the 2021 template: recognised even when printed without numbering. */
const CANONICAL_TITLES = new Set(
  ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'].map(
    compactText,
  ),
);

export function isCanonicalTitle(text: string): boolean {
  return CANONICAL_TITLES.has(compactText(text));
}
