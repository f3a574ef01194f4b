/** Shared by the execution-layer tests: the real corpus documents and a fresh dist/ build. */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import setupBuild from '../../setup/build.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const corpusDir = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

/** Every document of ../shared/corpus (the *.truth.json answer files left out), sorted. */
export function corpusDocuments(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.truth.json')) found.push(path);
    }
  };
  walk(corpusDir);
  return found;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `nianbao-${prefix}-`));
}

let built = false;
/** Tests that fork the real worker need dist/ (vitest's globalSetup does it too; this covers a lone file run). */
export function ensureBuilt(): void {
  if (built || process.env.NIANBAO_DIST_BUILT) return;
  setupBuild();
  built = true;
}
