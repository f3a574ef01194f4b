/**
 * What makes two runs of a document interchangeable: the extractor version and the options that can
 * change a record (the limits decide which documents fail). A change to either re-runs everything;
 * a re-run with the same ones resumes.
 */
import { createHash } from 'node:crypto';
import { packageVersion } from '../util/package-version.js';
import type { ExtractOptions } from '../pipeline.js';
import type { Limits } from '../limits.js';

/** The package version (one lookup: src/util/package-version.ts). */
export async function extractorVersion(): Promise<string> {
  return packageVersion();
}

export async function settingsHash(limits: Limits, extra?: unknown): Promise<string> {
  const sorted = Object.fromEntries(Object.entries(limits).sort(([a], [b]) => collateKeys(a, b)));
  return sha256(JSON.stringify({ version: await extractorVersion(), limits: sorted, extra: extra ?? null })).slice(0, 16);
}

/** Journal key: content hash, settings, and the outside facts that end up in the record. */
export function documentKey(contentSha256: string, settings: string, known: ExtractOptions['known']): string {
  if (!known || Object.keys(known).length === 0) return `${contentSha256}:${settings}`;
  const facts = Object.entries(known).filter(([, v]) => v !== undefined).sort(([a], [b]) => collateKeys(a, b));
  return `${contentSha256}:${settings}:${sha256(JSON.stringify(facts)).slice(0, 12)}`;
}

const ASCII_WORD = /^[A-Za-z0-9]*$/;

/**
 * The order `a.localeCompare(b)` gives, without ICU's collator for names of ASCII letters and digits
 * (option names): the first localeCompare of a process loads the collator, ~15 ms of CPU in the
 * parent of every run. For such names the root collation orders by the lower-cased text (digits
 * before letters, a shorter prefix first) and breaks a tie by the first difference in case, lower
 * case first; anything else goes to localeCompare. The keys, and so every settings hash and journal
 * key, stay as they were.
 */
export function collateKeys(a: string, b: string): number {
  if (!ASCII_WORD.test(a) || !ASCII_WORD.test(b)) return a.localeCompare(b);
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] === lowerA[i] ? -1 : 1;
  }
  return 0;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
