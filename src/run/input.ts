/** One document of a batch run, as the batch, its preparation and its workers see it. */
import type { ExtractOptions } from '../pipeline.js';

export interface BatchInput {
  /** Where to read the bytes. */
  path: string;
  /** What the record calls the document (a path relative to the input folder, or a URL). */
  source: string;
  known?: ExtractOptions['known'];
}
