import { READERS } from './registry.js';
import type { Reader } from './reader.js';

/** How many leading bytes sniffers see: enough for BOMs, XML prologues and portal <head>s. */
export const SNIFF_BYTES = 64 * 1024;

/** The reader for these bytes, decided by content (the name is only a hint), or undefined. */
export function detectReader(bytes: Buffer, name?: string): Reader | undefined {
  const head = bytes.subarray(0, SNIFF_BYTES);
  return READERS.find((r) => r.sniff(head, name));
}
