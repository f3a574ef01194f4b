/** Failure codes are data: one const list, each code with one line in the README; failed records carry only these. */
import { describe, expect, it } from 'vitest';
import { FAILURE_CODES, failureCodeOfReason } from '../../../src/schemas/failure-codes.js';
import { readmeCodeTable } from '../../helpers/readme-table.js';

describe('failure codes', () => {
  it('are each listed once in the README, and the README lists no other', () => {
    const listed = readmeCodeTable('### Failure codes').map(([code]) => code);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...FAILURE_CODES].sort());
  });

  it('are read back from a reason a worker reports as text, unknown leads counting as crash', () => {
    expect(failureCodeOfReason('timeout: over 120 s')).toBe('timeout');
    expect(failureCodeOfReason('empty file: 0 bytes')).toBe('empty-file');
    expect(failureCodeOfReason('segfault: core dumped')).toBe('crash');
  });
});
