/**
 * The package's version, from the nearest package.json named nianbao: the one lookup for the CLI's
 * --version, the crawler's User-Agent and the journal's settings hash. The source (src/) and the
 * compiled file (dist/src/) sit at different depths, so it walks up.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'nianbao' && pkg.version) return (cached = pkg.version);
    } catch {
      // no package.json here; look one level up
    }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}
