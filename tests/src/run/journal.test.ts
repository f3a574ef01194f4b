import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, journalPaths, readJournal, writeManifest, type JournalEntry } from '../../../src/run/journal.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { atomicWrite } from '../../../src/util/atomic.js';
import { failedRecord } from '../../../src/pipeline.js';
import { tempDir } from './helpers.js';

function entry(key: string): JournalEntry {
  return { key, source: `${key}.pdf`, elapsedMs: 5, finishedAt: '2026-01-01T00:00:00.000Z', record: failedRecord(`${key}.pdf`, Buffer.from(key), 'pdf', 'x', 'crash') };
}

async function collect(outDir: string): Promise<string[]> {
  const sources: string[] = [];
  for await (const record of readJournal(outDir)) sources.push(record.source);
  return sources;
}

describe('Journal', () => {
  it('keeps what was appended across reopening, once per key', async () => {
    const out = tempDir('journal');
    const journal = await Journal.open(out);
    journal.append(entry('a'));
    journal.append(entry('b'));
    journal.append(entry('a'));
    journal.close();
    const again = await Journal.open(out);
    expect(again.has('a') && again.has('b')).toBe(true);
    expect(again.count).toBe(2);
    expect((await again.get('b'))?.record.source).toBe('b.pdf');
    again.close();
    expect(readFileSync(journalPaths(out).journal, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('reads an entry back at once, pending lines flushed, and still once closed', async () => {
    const out = tempDir('journal');
    const journal = await Journal.open(out);
    journal.append(entry('a'));
    journal.append(entry('b'));
    expect(journal.getSync('b')).toEqual(entry('b'));
    expect(journal.getSync('c')).toBeUndefined();
    journal.close();
    expect(journal.getSync('a')).toEqual(entry('a'));
  });

  it('cuts off a torn last line so the next append starts on a line of its own', async () => {
    const out = tempDir('journal');
    const journal = await Journal.open(out);
    journal.append(entry('a'));
    journal.close();
    const torn = JSON.stringify(entry('b'));
    appendFileSync(journalPaths(out).journal, torn.slice(0, torn.length / 2));
    const reopened = await Journal.open(out);
    expect(reopened.has('b')).toBe(false);
    reopened.append(entry('c'));
    reopened.close();
    const lines = readFileSync(journalPaths(out).journal, 'utf8').split('\n');
    expect(lines.map((l) => (l ? (JSON.parse(l) as JournalEntry).key : ''))).toEqual(['a', 'c', '']);
  });

  it('reads one record per input of the manifest, in its order and under its source, leaving out unfinished ones', async () => {
    const out = tempDir('journal');
    const journal = await Journal.open(out);
    for (const key of ['c', 'a', 'b']) journal.append(entry(key));
    journal.close();
    await writeManifest(out, { settingsHash: 's', inputs: ['a', 'b', 'a', 'missing', 'c'].map((key, i) => ({ key, source: `${key}-${i}` })) });
    expect(await collect(out)).toEqual(['a-0', 'b-1', 'a-2', 'c-4']);
    const again: Array<string | undefined> = [];
    for await (const record of readJournal(out)) again.push(record.duplicate_of);
    expect(again).toEqual([undefined, undefined, 'a-0', undefined]);
  });

  it('reads in journal order when there is no manifest, skipping a damaged line', async () => {
    const out = tempDir('journal');
    const journal = await Journal.open(out);
    journal.append(entry('b'));
    journal.close();
    appendFileSync(journalPaths(out).journal, '{"key":"garbage"\n');
    const more = await Journal.open(out);
    more.append(entry('a'));
    more.close();
    expect(await collect(out)).toEqual(['b.pdf', 'a.pdf']);
  });

  it('passes over a damaged line of a key for its next line when reading in the manifest\'s order', async () => {
    const out = tempDir('journal');
    // A line the writer began for 'a' whose record is cut: its head names the key, the rest does not parse.
    const damaged = JSON.stringify(entry('a'));
    const journal = await Journal.open(out);
    journal.append(entry('b'));
    journal.close();
    appendFileSync(journalPaths(out).journal, `${damaged.slice(0, damaged.length - 20)}\n`);
    const more = await Journal.open(out);
    expect(more.has('a')).toBe(false);
    more.append(entry('a'));
    more.close();
    await writeManifest(out, { settingsHash: 's', inputs: ['a', 'b'].map((key) => ({ key, source: `${key}-run` })) });
    expect(await collect(out)).toEqual(['a-run', 'b-run']);
    const records: ReportRecord[] = [];
    for await (const record of readJournal(out)) records.push(record);
    expect(records[0]).toEqual({ ...entry('a').record, source: 'a-run' });
  });

  it('fails, rather than leave a record out, when the journal shrinks while it is read', async () => {
    const out = tempDir('journal');
    const journal = await Journal.open(out);
    for (const key of ['a', 'b']) journal.append(entry(key));
    journal.close();
    await writeManifest(out, { settingsHash: 's', inputs: ['a', 'b'].map((key) => ({ key, source: key })) });
    const reading = readJournal(out)[Symbol.asyncIterator]();
    expect((await reading.next()).value).toMatchObject({ source: 'a' });
    const path = journalPaths(out).journal;
    truncateSync(path, readFileSync(path).indexOf('\n') + 10);
    await expect(reading.next()).rejects.toThrow();
  });
});

describe('atomicWrite', () => {
  it('replaces a file whole from a string or a stream and leaves no temporary file', async () => {
    const dir = tempDir('atomic');
    const path = join(dir, 'sub', 'reports.csv');
    await atomicWrite(path, 'old\n');
    async function* rows(): AsyncIterable<string> {
      yield 'a,b\n';
      yield '1,2\n';
    }
    await atomicWrite(path, rows());
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['reports.csv']);
  });

  it('leaves the old file untouched when the stream fails', async () => {
    const dir = tempDir('atomic');
    const path = join(dir, 'out.ndjson');
    writeFileSync(path, 'kept\n');
    async function* failing(): AsyncIterable<string> {
      yield 'partial';
      throw new Error('writer broke');
    }
    await expect(atomicWrite(path, failing())).rejects.toThrow('writer broke');
    expect(readFileSync(path, 'utf8')).toBe('kept\n');
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['out.ndjson']);
  });
});

describe('Journal.appendJson', () => {
  it('writes the same line for a record given as JSON text or as its UTF-8 bytes', async () => {
    const lines: string[] = [];
    for (const form of ['text', 'bytes'] as const) {
      const out = tempDir('journal-json');
      const journal = await Journal.open(out);
      const { record, ...meta } = entry('中文');
      const json = JSON.stringify(record);
      journal.appendJson(meta, form === 'text' ? json : new Uint8Array(Buffer.from(json, 'utf8')));
      journal.close();
      lines.push(readFileSync(journalPaths(out).journal, 'utf8'));
      const again = await Journal.open(out);
      expect((await again.get(meta.key))?.record).toEqual(record);
      again.close();
    }
    expect(lines[1]).toBe(lines[0]);
    expect(lines[0]).toBe(`${JSON.stringify(entry('中文'))}\n`);
  });
});
