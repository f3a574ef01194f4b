/**
 * Is this plain text? The TXT reader is tried last, so it accepts anything that decodes as text:
 * no NUL bytes in the head (binary formats have them) unless it reads as UTF-16 without a BOM, and
 * almost no control characters once decoded as UTF-8 or GB18030.
 */
import iconv from 'iconv-lite';
import { bomlessUtf16, isValidUtf8 } from '../text-decode.js';

/** Share of control characters (other than tab, newline, carriage return, form feed) tolerated in the head. */
export const MAX_CONTROL_CHAR_RATIO = 0.01;

const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

function controlRatio(text: string): number {
  if (text.length === 0) return 1;
  let controls = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f || code === 0xfffd) controls++;
  }
  return controls / text.length;
}

/** The head as UTF-8 if it is valid UTF-8 up to a character cut off by the end of the head. */
function utf8Head(head: Buffer): string | undefined {
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
    const body = head.subarray(0, head.length - cut);
    if (isValidUtf8(body)) return body.toString('utf8');
  }
  return undefined;
}

export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  if (UTF16_BOMS.some((bom) => head[0] === bom[0] && head[1] === bom[1])) return true;
  if (head.includes(0)) return bomlessUtf16(head) !== undefined;
  const text = utf8Head(head) ?? iconv.decode(head, 'gb18030');
  return controlRatio(text) <= MAX_CONTROL_CHAR_RATIO;
}
