/** The execution layer's public surface: batch runs, the journal the writers read, atomic writes (from src/util). */
export { runBatch, failureCode, type BatchInput, type BatchOptions, type BatchProgress, type BatchSummary } from './batch.js';
export { readJournal, journalPaths, type JournalEntry, type RunManifest } from './journal.js';
export { atomicWrite, type AtomicContents } from '../util/atomic.js';
export { PeakMemorySampler, readRssBytes } from './memory.js';
