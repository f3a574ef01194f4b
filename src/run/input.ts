/** One document of a batch run, as the batch, its preparation and its workers see it. */
import type { ExtractOptions } from '../pipeline.js';
import type { FilePath } from '../sources/file-path.js';

export interface BatchInput {
  /** Where to read the bytes: a Buffer when the file name is not valid UTF-8. */
  path: FilePath;
  /** What the record calls the document (a path relative to the input folder, or a URL). */
  source: string;
  /**
   * Where the source's bytes can be read back when the source names no local file: a crawl's stored
   * file for its URL, `archive.zip!/member` for a report read out of an archive (the audit's evidence).
   */
  origin?: string;
  known?: ExtractOptions['known'];
  /** The content hash a crawl manifest promises: other bytes are refused. */
  expectedSha256?: string;
  /** Refused without reading (a manifest path outside its crawl folder): the reason. */
  refusal?: string;
}
