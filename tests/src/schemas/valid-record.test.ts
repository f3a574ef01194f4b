import { describe, expect, it } from 'vitest';
import { failedRecord } from '../../../src/pipeline.js';
import { validRecord } from '../../../src/schemas/record.js';

describe('validRecord', () => {
  const record = failedRecord('report.pdf', Buffer.from('x'), 'pdf', 'corrupt-pdf: test', 'corrupt-pdf');

  it('passes a valid record through', () => {
    expect(validRecord(record)).toEqual(record);
  });

  it('names the fields a record fails on in one line, not as a dump of every issue', () => {
    const cells = Object.fromEntries(['a', 'b', 'c', 'd'].map((k) => [`requests.${k}.total`, Infinity]));
    expect(() => validRecord({ ...record, cells })).toThrow(
      /^the record failed its schema \(a bug in nianbao; please report it\): cells\.requests\.a\.total: Invalid input: expected number, received Infinity; .*; and 1 more$/,
    );
  });
});
