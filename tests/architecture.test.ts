/**
 * The house rules on imports (.dependency-cruiser.cjs), checked by dependency-cruiser: no import from
 * extractors/ into src/, and no import cycle. Run on the tree, and on a miniature house that breaks
 * both rules, to show the check can fail.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

const ROOT = process.cwd();
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs'));

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src', 'extractors'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir, tsConfig: undefined });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the import structure of the house', () => {
  it('has no import from extractors/ into src/ and no import cycle', async () => {
    expect(await violations(ROOT)).toEqual([]);
  });

  it('reports a reader that imports from src/ and two modules that import each other', async () => {
    const found = await violations(join(ROOT, 'tests/fixtures/architecture'));
    expect(found).toContain('extractors-import-nothing-from-src: extractors/reader.ts → src/helper.ts');
    const cycles = found.filter((v) => v.startsWith('no-import-cycles:'));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(/src\/(helper|other)\.ts → src\/(other|helper)\.ts/);
  });
});
