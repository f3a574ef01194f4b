/** Rule ids are data: every rule declares the ids it emits, and what the checks say stays inside that list. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES } from '../../../src/checks/index.js';
import { RUN_RULES } from '../../../src/checks/run-rules.js';
import { extractFile } from '../../../src/pipeline.js';
import { CORPUS } from '../../corpus/truth.js';
import { readmeCodeTable } from '../../helpers/readme-table.js';

const SPEC = readFileSync(join(CORPUS, '../spec/report-template-2021.md'), 'utf8');

describe('rule ids', () => {
  it('are declared by each rule, per report and over a run, each id by one rule only', () => {
    const all = [...RULES, ...RUN_RULES.map((make) => make())];
    for (const rule of all) expect(rule.emits.length, rule.id).toBeGreaterThan(0);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('are each listed once in the README, in the order the rules declare them, and the README lists no other', () => {
    expect(readmeCodeTable('### Rule ids').map(([id]) => id)).toEqual([...RULE_IDS]);
  });

  it('include every rule id of the spec\'s table of rules', () => {
    const specIds = [...SPEC.matchAll(/^\| ((?:requests|appeals|values|prose|year|completeness)[a-z._]*) \|/gm)].map((m) => m[1]);
    expect(specIds.length).toBeGreaterThan(5);
    for (const id of specIds) expect(RULE_IDS).toContain(id);
  });

  it('cover every finding and skipped check on real reports with errors as published', async () => {
    for (const file of ['real/hongze-2023.pdf', 'real/huaian-city-2024.pdf', 'seed/zzszq-gxj-2023.txt', 'rendered/pingtan-2022-portal.html']) {
      const record = await extractFile(join(CORPUS, file));
      for (const f of record.findings) expect(RULE_IDS, `${file}: ${f.rule}`).toContain(f.rule);
      for (const m of record.messages.filter((m) => m.code === 'check-skipped')) expect(RULE_IDS, m.message).toContain(m.message.split(' ')[0]);
    }
  });
});
