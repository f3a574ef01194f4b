/**
 * Text whose characters pdf.js could only guess: runs in a font with no ToUnicode map whose codes no
 * encoding or known glyph name explains (older Word and WPS exports, print drivers, subsetters). Such a
 * run reads as symbol soup, or as digits that are other digits, and nothing in the text tells which:
 * the font's own facts do (pdf.js judges each font as it builds it: extractors/pdf/pdfjs-patch.ts).
 */
import type { RawTextContent } from './text-items.js';

export interface GuessedText {
  /** Characters (not counting white space) the page shows in such fonts. */
  chars: number;
  /** Why, once per distinct reason. */
  reasons: string[];
}

export function guessedText(content: RawTextContent): GuessedText {
  let chars = 0;
  const reasons = new Set<string>();
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const guess = content.styles[item.fontName]?.nianbaoUnicodeGuess;
    if (!guess) continue;
    const shown = item.str.replace(/\s+/g, '').length;
    if (!shown) continue;
    chars += shown;
    reasons.add(guess);
  }
  return { chars, reasons: [...reasons] };
}
