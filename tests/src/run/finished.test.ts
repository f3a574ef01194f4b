import { describe, expect, it } from 'vitest';
import { FinishedRecord } from '../../../src/run/finished.js';
import { failedRecord } from '../../../src/pipeline.js';

describe('FinishedRecord', () => {
  const record = failedRecord('报告.html', Buffer.from('x'), 'html', 'crash: 中文', 'crash');
  const json = JSON.stringify(record);

  it('takes the record as UTF-8 bytes (a view into a larger buffer, as IPC gives it) and gives back its text and object', () => {
    const bytes = Buffer.from(json, 'utf8');
    const framed = Buffer.concat([Buffer.from('head'), bytes, Buffer.from('tail')]);
    const view = new Uint8Array(framed.buffer, framed.byteOffset + 4, bytes.length);
    const finished = FinishedRecord.fromJson(view, 'failed', record.error);
    expect(finished.serialisedJson).toBe(view);
    expect(finished.json).toBe(json);
    expect(finished.record).toEqual(record);
  });

  it('once released, reads the record back each time it is asked for and keeps neither its bytes nor the object', () => {
    let reads = 0;
    const finished = FinishedRecord.fromJson(Buffer.from(json, 'utf8'), 'failed', record.error, 7, 'crash');
    finished.release(() => {
      reads++;
      return JSON.parse(json) as typeof record;
    });
    expect(finished.record).toEqual(record);
    expect(finished.record).toEqual(record);
    expect(reads).toBe(2);
    expect(finished.serialisedJson).toBe(json);
    expect([finished.status, finished.error, finished.elapsedMs, finished.errorCode]).toEqual(['failed', record.error, 7, 'crash']);
  });

  it('keeps JSON text as text, and stringifies a record in hand only when asked', () => {
    expect(FinishedRecord.fromJson(json, 'failed', record.error).serialisedJson).toBe(json);
    const inHand = FinishedRecord.fromRecord(record);
    expect(inHand.record).toBe(record);
    expect(inHand.json).toBe(json);
  });
});
