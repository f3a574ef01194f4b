/**
 * better-sqlite3 is a native module: it is loaded on first use, not when nianbao starts, so a machine
 * where it did not build can still extract, and the one command that needs it says what to do.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

let loaded: typeof BetterSqlite3 | undefined;

export class SqliteUnavailableError extends Error {}

export function loadSqlite(): typeof BetterSqlite3 {
  if (loaded) return loaded;
  try {
    loaded = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    return loaded;
  } catch (err) {
    throw new SqliteUnavailableError(
      `the SQLite module better-sqlite3 could not be loaded (${(err as Error).message.split('\n')[0]}). ` +
        'It is a native module: when npm finds no prebuilt binary for this Node version and platform it compiles one, ' +
        'which needs a C++ toolchain and Python (Debian/Ubuntu: apt-get install build-essential python3; macOS: xcode-select --install; ' +
        'Windows: the "Desktop development with C++" workload). Then run: npm rebuild better-sqlite3',
    );
  }
}
