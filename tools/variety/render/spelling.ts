/**
 * A rendering's text as a page spells it (model.spelling, axis invisible): line ends other than '\n',
 * and in HTML the characters a reader does not see, and some digits, as numeric entities or <wbr>.
 * Without a spelling the text is returned as it is, so every other rendering stays byte-identical.
 */
import type { Spelling } from '../model.js';

/** The text with its '\n' line ends as the spelling's (CRLF or a lone CR). */
export function spellLineEnds(text: string, spelling: Spelling | undefined): string {
  return spelling?.lineEnds ? text.replace(/\n/g, spelling.lineEnds) : text;
}

/** How an entity-spelling page writes each character it spells, in turn (a counter per character kind). */
const ENTITY_SPELLINGS: Record<string, (ch: string) => string[]> = {
  digit: (d) => [`&#${d.charCodeAt(0)};`, d, `&#x${d.charCodeAt(0).toString(16)};`, d],
  '\u200b': () => ['<wbr>', '&#x200b;', '&#8203;'],
  '\u00a0': () => ['&nbsp;', '&#160;', '&#xa0;'],
  other: (ch) => [`&#x${ch.charCodeAt(0).toString(16)};`, `&#${ch.charCodeAt(0)};`],
};

const SPELLED = /[0-9\u00a0\u00ad\u2000-\u200d\u2060\u3000\ufeff]/g;

/**
 * The HTML with the text between its tags spelled with entities: digits (every other one), zero-width
 * and no-break spaces, ideographic spaces, soft hyphens; U+200B also as <wbr>. Markup and attribute
 * values are untouched (only text runs between '>' and '<' are rewritten).
 */
export function spellEntities(html: string): string {
  const turns = new Map<string, number>();
  return html.replace(/>([^<]+)</g, (_, text: string) => {
    const spelled = text.replace(SPELLED, (ch) => {
      const kind = /\d/.test(ch) ? 'digit' : ch in ENTITY_SPELLINGS ? ch : 'other';
      const ways = ENTITY_SPELLINGS[kind](ch);
      const turn = turns.get(kind) ?? 0;
      turns.set(kind, turn + 1);
      return ways[turn % ways.length];
    });
    return `>${spelled}<`;
  });
}
