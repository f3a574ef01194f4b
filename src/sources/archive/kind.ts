/** One kind of archive of reports (zip, rar, 7z): how it is recognised and how its members are read. */
import type { Limits } from '../../limits.js';
import type { FilePath } from '../file-path.js';

export interface OpenedArchive {
  /** Every entry's name, folders (ending in /) included, as the archive stores them. */
  names: string[];
  /** A member's bytes; throws an UnreadableDocumentError when it cannot be read within the limits. */
  read(name: string): Promise<Buffer>;
  close(): void;
}

export interface ArchiveKind {
  /** For messages: 'zip', 'rar', '7z'. */
  id: string;
  /** The first bytes of every archive of this kind (at most 8): a file that starts otherwise is not read further. */
  magics: Buffer[];
  /** Is the file with this head (its first 64 KiB) an archive of this kind? */
  sniff(head: Buffer, reportExtensions: readonly string[], path: string): boolean;
  /**
   * Opens it, checking its entries against the zip caps of the limits; undefined when it turns out to
   * be no archive of reports after all (an Office package the sniffers did not claim).
   */
  open(path: FilePath, bytes: Buffer, limits: Limits): Promise<OpenedArchive | undefined>;
}

/** Why an archive (or one member) cannot be read: its record's error_code and reason. */
export class ArchiveRefused extends Error {
  constructor(
    readonly code: 'archive-unsupported' | 'corrupt-archive' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveRefused';
  }
}
