import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOUBTS } from '../../../src/templates/doubt.js';
import { CellDetail } from '../../../src/schemas/record.js';

describe('doubt codes', () => {
  it('are each listed in the README with the meaning the code gives them', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [code, meaning] of Object.entries(DOUBTS)) expect(readme).toContain(`| \`${code}\` | ${meaning} |`);
  });

  it('default to null (certain) in a record, and say why when set', () => {
    expect(CellDetail.parse({ raw: '5' }).doubt).toBeNull();
    expect(CellDetail.parse({ raw: '', doubt: 'not-found' }).doubt).toBe('not-found');
  });
});
