import type { DocumentModel, Format } from './model.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

export interface ReadOptions {
  /** The file name or URL, for messages and extension hints only: formats are decided from the bytes. */
  name?: string;
  /** The run's resolved limits (defaults when absent): every cap a reader enforces comes from here. */
  limits?: Limits;
  /**
   * The local file the bytes were read from, when they were: a reader that follows the document's own
   * references (a saved page's <img> files) finds them inside this file's folder, never elsewhere.
   */
  localPath?: string;
  /**
   * Pictures fetched for the document by whoever fetched it (a crawl stores a report page's <img>): URL
   * → local file, and the URL the document's relative references resolve against.
   */
  linkedPictures?: { baseUrl: string; files: Record<string, string> };
}

/** The limits a read runs under. */
export function readLimits(options: ReadOptions | undefined): Limits {
  return options?.limits ?? DEFAULT_LIMITS;
}

/** One reader per format: bytes in, document model out. Registered in extractors/registry.ts. */
export interface Reader {
  format: Format;
  /** Does this look like our format? Called on the first bytes and the name; content wins over extension. */
  sniff(head: Buffer, name: string | undefined): boolean;
  read(bytes: Buffer, options: ReadOptions): Promise<DocumentModel>;
}
