import { describe, expect, it } from 'vitest';
import { RawPdfUnsupported } from '../../../../extractors/pdf/raw/bounds.js';
import { Lexer, Parser, PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../../../../extractors/pdf/raw/lexer.js';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const parse = (s: string): PdfObject => new Parser(new Lexer(bytes(s))).parseObject(0, true);
const text = (o: PdfObject): string => Buffer.from((o as PdfString).bytes).toString('latin1');

describe('raw PDF lexer', () => {
  it('reads literal strings with nested parentheses and every escape', () => {
    expect(text(parse('(a (b (c)) d)'))).toBe('a (b (c)) d');
    expect(text(parse('(\\) \\( \\\\ \\n\\r\\t\\b\\f)'))).toBe(') ( \\ \n\r\t\b\f');
    expect(text(parse('(\\101\\60\\0603 \\q)'))).toBe('A003 q'); // at most three octal digits: \060, then 3
    expect(text(parse('(one\\\ntwo\\\r\nthree)'))).toBe('onetwothree');
    // An unbalanced escaped paren does not end the string.
    expect(text(parse('(a\\)b) /Next'))).toBe('a)b');
  });

  it('reads hex strings, ignoring whitespace and padding an odd last digit', () => {
    expect(text(parse('<48 65 6C6c\n6F>'))).toBe('Hello');
    expect([...(parse('<4142 4>') as PdfString).bytes]).toEqual([0x41, 0x42, 0x40]);
    expect([...(parse('<>') as PdfString).bytes]).toEqual([]);
  });

  it('reads names with #xx escapes', () => {
    expect((parse('/A#20B') as PdfName).name).toBe('A B');
    expect((parse('/Name#23Sign') as PdfName).name).toBe('Name#Sign');
    expect((parse('/Adobe#20Green') as PdfName).name).toBe('Adobe Green');
    expect(parse('/Same')).toBe(parse('/Same')); // interned
  });

  it('reads numbers the way pdf.js does', () => {
    const numbers = (s: string): number[] => {
      const lexer = new Lexer(bytes(s));
      const out: number[] = [];
      for (let t = lexer.next(); typeof t === 'number'; t = lexer.next()) out.push(t);
      return out;
    };
    expect(numbers('1 -2 +3 4.5 -.5 .25 6. --7 8-9 1e2 1.5e-1')).toEqual([1, -2, 3, 4.5, -0.5, 0.25, 6, -7, 89, 100, 1.5 * 10 ** -1]);
    expect(() => numbers('-x')).toThrow(RawPdfUnsupported);
  });

  it('reads arrays, dictionaries, references, booleans and null', () => {
    const dict = parse('<< /Type /Page /Kids [1 0 R 2 0 R] /Count 2 /Flag true /Off false /Nothing null /Nested << /A [1 [2 (x)]] >> >>') as PdfDict;
    expect(dict).toBeInstanceOf(PdfDict);
    expect((dict.get('Type') as PdfName).name).toBe('Page');
    expect(dict.get('Kids')).toEqual([new PdfRef(1, 0), new PdfRef(2, 0)]);
    expect(dict.get('Count')).toBe(2);
    expect(dict.get('Flag')).toBe(true);
    expect(dict.get('Off')).toBe(false);
    expect(dict.get('Nothing')).toBeNull();
    const nested = dict.get('Nested') as PdfDict;
    expect((nested.get('A') as PdfObject[])[0]).toBe(1);
    // Two integers not followed by R stay numbers.
    expect(parse('[1 0 2 0 R 3]')).toEqual([1, 0, new PdfRef(2, 0), 3]);
  });

  it('takes stream data by /Length when endstream follows it, else up to endstream', () => {
    const good = parse('<< /Length 5 >>\nstream\nabcde\nendstream') as PdfStream;
    expect(Buffer.from(good.raw).toString('latin1')).toBe('abcde');
    // /Length says 3 but the data is longer: the search for endstream wins.
    const wrong = parse('<< /Length 3 >>\nstream\r\nabcdefg\r\nendstream') as PdfStream;
    expect(Buffer.from(wrong.raw).toString('latin1')).toBe('abcdefg');
    // /Length as a reference: not resolved by the lexer, endstream found instead.
    const indirect = parse('<< /Length 9 0 R >>\nstream\nxy z\nendstream') as PdfStream;
    expect(Buffer.from(indirect.raw).toString('latin1')).toBe('xy z');
    // Binary data that happens to hold the word endstream is kept whole when /Length is right.
    const tricky = parse('<< /Length 13 >>\nstream\na endstream b\nendstream') as PdfStream;
    expect(Buffer.from(tricky.raw).toString('latin1')).toBe('a endstream b');
  });

  it('reads an indirect object header and refuses what is not one', () => {
    const found = new Parser(new Lexer(bytes('12 0 obj\n<< /A 1 >>\nendobj'))).parseIndirect();
    expect(found?.num).toBe(12);
    expect(found?.value).toBeInstanceOf(PdfDict);
    expect(new Parser(new Lexer(bytes('12 0 R'))).parseIndirect()).toBeUndefined();
  });

  it('gives up on nesting deeper than the bound instead of overflowing the stack', () => {
    expect(() => parse('['.repeat(10_000))).toThrow(RawPdfUnsupported);
    expect(() => parse('<< /A '.repeat(5_000))).toThrow(RawPdfUnsupported);
  });
});
