/**
 * parquet/<table>.parquet: the tables of src/datasets/tables.ts, typed (strings, 64-bit integers,
 * doubles, as the codebook says) and Snappy-compressed, for DuckDB, pandas/pyarrow and R arrow.
 * Each child table repeats report_id and source so a file stands alone. Rows are buffered and written
 * in row groups, so memory stays bounded on any run; every file is renamed into place on close.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CHILD_TABLES, REPORTS_TABLE, REVIEWS_TABLE, YEAR_CHECKS_TABLE, reportRow, columnType, type Value } from '../datasets/tables.js';
import { readReviewLog } from '../reviews/store.js';
import { isTempName, tempPathBeside } from '../util/atomic.js';
import type { RunResults, Writer } from './writer.js';

export const PARQUET_DIR = 'parquet';
/** Rows buffered per table before a row group is written. */
const ROW_GROUP_ROWS = 100_000;

type HyparquetWriter = typeof import('hyparquet-writer');

/** One Parquet file being written: column buffers flushed as row groups. */
class ParquetTable {
  readonly temp: string;
  /** Per column; integers as BigInt, as INT64 columns take them. */
  private buffers: Array<Array<string | number | bigint | null>>;
  private writer: InstanceType<HyparquetWriter['ParquetWriter']>;
  private types: Array<'string' | 'integer' | 'number'>;

  constructor(lib: HyparquetWriter, readonly target: string, private table: string, private columns: readonly string[]) {
    this.temp = tempPathBeside(target);
    this.types = columns.map((c) => columnType(table, c));
    this.buffers = columns.map(() => []);
    const schema = [
      { name: 'root', num_children: columns.length },
      ...columns.map((name, i) => {
        const t = this.types[i];
        return t === 'string'
          ? { name, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, repetition_type: 'OPTIONAL' as const }
          : { name, type: t === 'integer' ? ('INT64' as const) : ('DOUBLE' as const), repetition_type: 'OPTIONAL' as const };
      }),
    ];
    this.writer = new lib.ParquetWriter({ writer: lib.fileWriter(this.temp), schema, codec: 'SNAPPY', createdBy: 'nianbao' });
  }

  add(row: Value[]): void {
    row.forEach((v, i) => this.buffers[i].push(v === undefined ? null : this.types[i] === 'integer' && typeof v === 'number' ? BigInt(v) : v));
    if (this.buffers[0].length >= ROW_GROUP_ROWS) this.flush();
  }

  private flush(): void {
    const rows = this.buffers[0]?.length ?? 0;
    if (!rows) return;
    // Min/max statistics only on numbers: on text they cost a sixth of the writer's time and few
    // queries filter on a range of strings.
    this.writer.write({
      columnData: this.columns.map((name, i) => ({ name, data: this.buffers[i] as never, statistics: this.types[i] !== 'string' })),
      rowGroupSize: rows,
    });
    this.buffers = this.columns.map(() => []);
  }

  async finish(): Promise<void> {
    this.flush();
    this.writer.finish();
    await rename(this.temp, this.target);
  }
}

export function parquetDataset(): Writer {
  let lib: HyparquetWriter;
  let dir = '';
  let reviewsDir = '';
  const files = new Map<string, ParquetTable>();
  const open = (name: string, columns: readonly string[]) => {
    const t = new ParquetTable(lib, join(dir, PARQUET_DIR, `${name}.parquet`), name, columns);
    files.set(name, t);
    return t;
  };
  const REF = ['report_id', 'source'];
  return {
    file: PARQUET_DIR,
    async open(into, outDir) {
      lib = await import('hyparquet-writer');
      dir = into;
      reviewsDir = outDir ?? into;
      await mkdir(join(dir, PARQUET_DIR), { recursive: true });
      // Files of a run killed while writing them (nothing else writes here).
      for (const name of await readdir(join(dir, PARQUET_DIR))) if (isTempName(name)) await rm(join(dir, PARQUET_DIR, name), { force: true });
      open('reports', REPORTS_TABLE.columns);
      for (const t of CHILD_TABLES) open(t.name, [...REF, ...t.columns]);
    },
    async write(record) {
      files.get('reports')!.add(reportRow(record));
      for (const t of CHILD_TABLES) {
        const file = files.get(t.name)!;
        for (const row of t.rowsOf(record)) file.add([record.report_id, record.source, ...row]);
      }
    },
    async close(results?: RunResults) {
      const checks = open('year_checks', YEAR_CHECKS_TABLE.columns);
      for (const c of results?.yearChecks ?? []) checks.add(YEAR_CHECKS_TABLE.columns.map((k) => c[k]));
      const reviews = open('reviews', REVIEWS_TABLE.columns);
      for (const r of await readReviewLog(reviewsDir)) reviews.add(REVIEWS_TABLE.columns.map((k) => r[k]));
      for (const t of files.values()) await t.finish();
      files.clear();
    },
    async abort() {
      for (const t of files.values()) await rm(t.temp, { force: true });
      files.clear();
    },
  };
}
