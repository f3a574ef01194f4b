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
  const sorted = Object.fromEntries(Object.entries(limits).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(JSON.stringify({ version: await extractorVersion(), limits: sorted, extra: extra ?? null })).slice(0, 16);
}

/** Journal key: content hash, settings, and the outside facts that end up in the record. */
export function documentKey(contentSha256: string, settings: string, known: ExtractOptions['known']): string {
  if (!known || Object.keys(known).length === 0) return `${contentSha256}:${settings}`;
  const facts = Object.entries(known).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return `${contentSha256}:${settings}:${sha256(JSON.stringify(facts)).slice(0, 12)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
