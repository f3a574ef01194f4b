/**
 * A finished document as the batch parent handles it: the record's JSON (text, or its UTF-8 bytes as
 * a worker sends it), plus the two fields the run summary counts. The parent journals the JSON as is
 * and parses it only when someone asks for the record (a progress callback), so records cross the
 * process boundary once, serialised, instead of being rebuilt as objects and stringified again.
 */
import type { ReportRecord, Status } from '../schemas/record.js';

export class FinishedRecord {
  private constructor(
    private serialised: string | Uint8Array | undefined,
    readonly status: Status,
    readonly error: string | undefined,
    private parsed: ReportRecord | undefined,
    /** How long the worker spent on the document, when it said so. */
    readonly elapsedMs?: number,
    readonly errorCode?: string,
  ) {}

  /** Where the record is read back from once released (see release). */
  private readBack: (() => ReportRecord) | undefined;

  /** A record already in hand (resumed from the journal, refused, parsed in-process): stringified only if journalled. */
  static fromRecord(record: ReportRecord): FinishedRecord {
    return new FinishedRecord(undefined, record.status, record.error, record, undefined, record.error_code);
  }

  /** `json`: the record's JSON text, or that text's UTF-8 bytes. */
  static fromJson(json: string | Uint8Array, status: Status, error: string | undefined, elapsedMs?: number, errorCode?: string): FinishedRecord {
    return new FinishedRecord(json, status, error, undefined, elapsedMs, errorCode);
  }

  /** The record's JSON in whichever form is at hand (the journal takes either without converting). */
  get serialisedJson(): string | Uint8Array {
    if (this.readBack) return JSON.stringify(this.readBack());
    this.serialised ??= JSON.stringify(this.parsed);
    return this.serialised;
  }

  /** The record's JSON text. */
  get json(): string {
    const json = this.serialisedJson;
    if (typeof json === 'string') return json;
    const text = Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
    this.serialised = text;
    return text;
  }

  get record(): ReportRecord {
    // Read back each time it is asked for, not kept: keeping it is what release() undoes.
    if (this.readBack) return this.readBack();
    this.parsed ??= JSON.parse(this.json) as ReportRecord;
    return this.parsed;
  }

  /**
   * Lets go of the record (its bytes, or the object) once it is journalled: a run keeps every
   * finished document's FinishedRecord until it ends (a later input with the same bytes is answered
   * from it), and with the record in each that held all of a run's records in memory, ~40 KB a TXT
   * report, outside the V8 heap limit. The status and error stay; the record is read back when asked.
   */
  release(readBack: () => ReportRecord): void {
    this.readBack = readBack;
    this.serialised = undefined;
    this.parsed = undefined;
  }
}
