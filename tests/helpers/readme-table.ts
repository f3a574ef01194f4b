/** The rows of the code table under a README heading (`| \`code\` | meaning |`), in order. */
import { readFileSync } from 'node:fs';

export function readmeCodeTable(heading: string): Array<[code: string, meaning: string]> {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no heading ${heading}`);
  const next = readme.slice(start + heading.length + 2).search(/^#{1,6} /m);
  const section = readme.slice(start, next < 0 ? undefined : start + heading.length + 2 + next);
  return [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
}
