import { describe, expect, it } from 'vitest';
import { collateKeys, documentKey, settingsHash } from '../../../src/run/settings.js';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { createHash } from 'node:crypto';
import { packageVersion } from '../../../src/util/package-version.js';

/** A seeded generator (mulberry32), so the strings are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('collateKeys', () => {
  it('orders ASCII names exactly as localeCompare does (case ties, digits, prefixes)', () => {
    const random = seeded(17);
    const alphabet = 'aAbBmMzZ019';
    const word = (): string => Array.from({ length: Math.floor(random() * 5) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const a = word();
      const b = word();
      expect(Math.sign(collateKeys(a, b)), `${a} vs ${b}`).toBe(Math.sign(a.localeCompare(b)));
    }
  });

  it('leaves names beyond ASCII letters and digits to localeCompare', () => {
    for (const [a, b] of [['max_a', 'maxB'], ['é', 'f'], ['a-b', 'ab'], ['来源', 'source']]) {
      expect(Math.sign(collateKeys(a, b))).toBe(Math.sign(a.localeCompare(b)));
    }
  });
});

describe('settingsHash and documentKey', () => {
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

  it('hash the limits sorted as localeCompare sorts them (journal keys of earlier runs still match)', async () => {
    const limits = { ...DEFAULT_LIMITS };
    const sorted = Object.fromEntries(Object.entries(limits).sort(([a], [b]) => a.localeCompare(b)));
    const expected = sha(JSON.stringify({ version: packageVersion(), limits: sorted, extra: { ocr: true } })).slice(0, 16);
    expect(await settingsHash(limits, { ocr: true })).toBe(expected);
  });

  it('fold the known facts into the key in localeCompare order', () => {
    const known = { sourceUrl: 'https://example.gov.cn/a.html', publisher: '某某县人民政府', published: '2024-01-31', parentUrl: undefined };
    const facts = Object.entries(known).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    expect(documentKey('ab'.repeat(32), 'settings', known)).toBe(`${'ab'.repeat(32)}:settings:${sha(JSON.stringify(facts)).slice(0, 12)}`);
  });
});
