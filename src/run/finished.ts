/**
 * A finished document as the batch parent handles it: the record's JSON text, as the worker wrote
 * it, plus the two fields the run summary counts. The parent journals the text as is and parses it
 * only when someone asks for the record (a progress callback), so records cross the process boundary
 * once, as a string, instead of being rebuilt as objects and stringified again.
 */
import type { ReportRecord, Status } from '../schemas/record.js';

export class FinishedRecord {
  private constructor(
    private text: string | undefined,
    readonly status: Status,
    readonly error: string | undefined,
    private parsed: ReportRecord | undefined,
    /** How long the worker spent on the document, when it said so. */
    readonly elapsedMs?: number,
    readonly errorCode?: string,
  ) {}

  /** A record already in hand (resumed from the journal, refused, parsed in-process): stringified only if journalled. */
  static fromRecord(record: ReportRecord): FinishedRecord {
    return new FinishedRecord(undefined, record.status, record.error, record, undefined, record.error_code);
  }

  static fromJson(json: string, status: Status, error: string | undefined, elapsedMs?: number, errorCode?: string): FinishedRecord {
    return new FinishedRecord(json, status, error, undefined, elapsedMs, errorCode);
  }

  get json(): string {
    this.text ??= JSON.stringify(this.parsed);
    return this.text;
  }

  get record(): ReportRecord {
    this.parsed ??= JSON.parse(this.text!) as ReportRecord;
    return this.parsed;
  }
}
