import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../src/run/utf8-bytes.js';

describe('utf8Bytes', () => {
  it('gives the bytes Buffer.from gives, for ASCII, Chinese, astral characters and lone surrogates', () => {
    for (const text of ['', '{"a":1}', '政府信息公开工作年度报告', '𠀀𝄞 and 😀', 'lone \ud800 high, lone \udc00 low, end \ud83d']) {
      expect(Buffer.compare(utf8Bytes(text), Buffer.from(text, 'utf8'))).toBe(0);
    }
  });

  it('leaves nothing of a longer earlier text in a shorter later one (the buffer is reused)', () => {
    const long = '表'.repeat(5000);
    expect(utf8Bytes(long)).toHaveLength(15000);
    const short = utf8Bytes('{"x":"短"}');
    expect(short.toString('utf8')).toBe('{"x":"短"}');
    // Growing again after shrinking: the whole text still fits.
    const longer = '😀'.repeat(20000);
    expect(utf8Bytes(longer).toString('utf8')).toBe(longer);
  });
});
