/**
 * The heading tree rebuilt from Chinese numbering, whatever the reader called the block:
 * 一、/一./第一部分 (1) · （一）/(一) (2) · 1./1、/1． (3) · （1）/(1) (4). 一是/二是 are list items and
 * stay in the text. Table blocks are never headings (template row labels 一、本年新收… live there).
 */
import type { Block } from '../../extractors/model.js';
import type { Section } from '../schemas/record.js';
import { isCanonicalTitle, KNOWN_TITLE_PHRASES, sectionIdOf } from './sectionIds.js';
import { cleanText, isPageNumber, SENTENCE_END } from './text.js';

export interface HeadingMatch {
  level: number;
  /** The numbering as printed (一、 （一） 1. （1） 第一部分), spacing removed. */
  number: string;
  title: string;
  /** Text printed after the title in the same block (flattened reports put the body on the heading line). */
  body: string;
}

const CN = '一二三四五六七八九十';
const MARKERS: { level: number; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^第[${CN}]{1,3}部分[、.．:：]?`) },
  { level: 1, re: new RegExp(`^[${CN}]{1,3}[、.．](?![\\d${CN}]{1,3}[、.．]?[季月])`) },
  { level: 2, re: new RegExp(`^[（(][${CN}]{1,3}[）)][、.．]?`) },
  { level: 3, re: /^\d{1,2}[、.．](?!\d)/ },
  { level: 4, re: /^[（(]\d{1,2}[）)][、.．]?/ },
];

/** How far past a candidate numbering mark an inline heading is looked for, in characters. */
const INLINE_WINDOW = 200;
/** A title longer than this (in characters) is a sentence, not a heading. */
const MAX_TITLE = 40;
const TITLE_END = /[。；！？:：;!?]/;

/** Recognises a heading at the start of a cleaned text; undefined for an ordinary paragraph. */
export function parseHeading(text: string): HeadingMatch | undefined {
  for (const { level, re } of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length).replace(/^[\s、.．]+/, '');
    const split = splitTitle(rest, level);
    if (!split) return undefined;
    return { level, number: m[0].replace(/\s+/g, ''), ...split };
  }
  return undefined;
}

function splitTitle(rest: string, level: number): { title: string; body: string } | undefined {
  const known = knownPhrase(rest);
  const end = rest.search(TITLE_END);
  const clause = (end === -1 ? rest : rest.slice(0, end)).trim();
  const body = end === -1 ? '' : rest.slice(end + 1).trim();
  // Flattened texts glue the body to a heading phrase with no punctuation (（一）主动公开方面平潭…).
  if (known && clause.length > known.length + 8) {
    return { title: known, body: rest.slice(known.length).replace(/^[，,。.：:\s]+/, '').trim() };
  }
  if (clause.length >= 1 && clause.length <= MAX_TITLE) {
    // A clause with commas before the first full stop is a sentence that merely starts with a number.
    if (level <= 2 && clause.includes('，') && clause.length > 20) return undefined;
    return { title: clause, body };
  }
  if (level >= 3) {
    // A long list item: 1.xxxx，… keeps its first clause as the title.
    const comma = rest.search(/[，,]/);
    if (comma >= 1 && comma <= MAX_TITLE) return { title: rest.slice(0, comma).trim(), body: rest.slice(comma + 1).trim() };
  }
  return undefined;
}

function knownPhrase(rest: string): string | undefined {
  let best: string | undefined;
  for (const re of KNOWN_TITLE_PHRASES) {
    const m = re.exec(rest);
    if (m && (!best || m[0].length > best.length)) best = m[0];
  }
  return best;
}

/** A numbering mark after a full stop or space, or a level-1 mark anywhere. */
const INLINE_CANDIDATE = new RegExp(`(?<=[。！？!?\\s])(?:[${CN}]{1,3}[、.．]|[（(][${CN}]{1,3}[）)])|[${CN}]{1,3}[、.．](?=\\S)`, 'g');

/**
 * Splits a flattened paragraph where a heading starts mid-text: after a full stop
 * (…运行。（一）主动公开方面。…), or anywhere for a level-1 heading naming a template section.
 */
export function splitInlineHeadings(text: string): string[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(INLINE_CANDIDATE)) {
    const at = m.index!;
    if (at === 0) continue;
    // A heading's title is short: a bounded window keeps a huge flattened paragraph linear.
    const h = parseHeading(text.slice(at, at + INLINE_WINDOW));
    if (!h || h.title.length > 25 || h.title.includes('，')) continue;
    const afterStop = /[。！？!?\s]/.test(text[at - 1]!);
    if (!afterStop && !(h.level === 1 && sectionIdOf(h.title) && knownPhrase(h.title) === h.title)) continue;
    cuts.push(at);
  }
  if (!cuts.length) return [text];
  const parts: string[] = [];
  let from = 0;
  for (const at of cuts) {
    parts.push(text.slice(from, at).trim());
    from = at;
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean);
}

/** A PDF line at least this long that stops mid-sentence was wrapped: the next line continues it. */
const WRAPPED_LINE_MIN = 25;
const OPEN_END = /[。！？；：:;!?”」）)\]】…]$/;

/**
 * Whether a block continues the previous one's sentence. Only PDF text layers wrap lines into blocks;
 * an HTML or DOCX paragraph is a paragraph even when it ends without punctuation.
 */
export function continuesLine(previous: string, wrappedLines: boolean): boolean {
  if (!wrappedLines || previous.length < WRAPPED_LINE_MIN || OPEN_END.test(previous)) return false;
  const heading = parseHeading(previous);
  return !(heading && !heading.body);
}

export interface SectionOptions {
  /** The blocks are lines of a wrapped text layer (PDF), not paragraphs. */
  wrappedLines?: boolean;
}

export function buildSections(blocks: Block[], options: SectionOptions = {}): Section[] {
  const sections: Section[] = [];
  let previous = '';
  for (const block of blocks) {
    if (block.kind === 'table') {
      previous = '';
      continue;
    }
    const text = cleanText(block.text);
    if (!text || isPageNumber(text)) continue;
    const continuation = continuesLine(previous, options.wrappedLines ?? false);
    for (const [i, piece] of splitInlineHeadings(text).entries()) {
      let heading = parseHeading(piece) ?? unnumberedHeading(piece, block.kind === 'heading');
      // A wrapped line may start with 1. or 一、 by chance; a template section heading still starts a section.
      if (heading && i === 0 && continuation && !(heading.level === 1 && sectionIdOf(heading.title))) heading = undefined;
      if (heading) {
        const id = heading.level === 1 ? sectionIdOf(heading.title) : undefined;
        sections.push({ level: heading.level, number: heading.number, title: heading.title, text: heading.body, ...(id ? { id } : {}) });
      } else if (sections.length) {
        const current = sections[sections.length - 1]!;
        current.text = joinText(current.text, piece, continuation && i === 0);
      }
    }
    previous = text;
  }
  return withTopLevelIds(sections);
}

/**
 * A heading printed without numbering: a template heading word for word, or a heading block (Word
 * style, <h2>) that names a template section.
 */
function unnumberedHeading(text: string, isHeadingBlock: boolean): HeadingMatch | undefined {
  if (text.length > MAX_TITLE || TITLE_END.test(text)) return undefined;
  if (isCanonicalTitle(text) || (isHeadingBlock && sectionIdOf(text) && !/报告|年报/.test(text))) {
    return { level: 1, number: '', title: text, body: '' };
  }
  return undefined;
}

/** A report numbering its top level （一） rather than 一、 still gets template section ids there. */
function withTopLevelIds(sections: Section[]): Section[] {
  const top = Math.min(...sections.map((s) => s.level));
  if (top === 1 || !Number.isFinite(top)) return sections;
  for (const s of sections) {
    const id = s.level === top ? sectionIdOf(s.title) : undefined;
    if (id) s.id = id;
  }
  return sections;
}

function joinText(before: string, piece: string, continuation: boolean): string {
  if (!before) return piece;
  if (continuation && !SENTENCE_END.test(before)) return before + piece;
  return `${before}\n${piece}`;
}
