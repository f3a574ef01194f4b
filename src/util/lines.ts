/**
 * The lines of a text file (UTF-8, LF or CRLF), read a chunk at a time and only as fast as the caller
 * takes them. readline's async iterator keeps reading ahead while the caller works, so a slow consumer
 * of a large NDJSON file ends up holding most of it as queued lines.
 */
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 1 << 20;

export async function* readLines(path: string): AsyncIterable<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (!bytesRead) break;
      const parts = (rest + decoder.write(buffer.subarray(0, bytesRead))).split('\n');
      rest = parts.pop()!;
      for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    rest += decoder.end();
    if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
  } finally {
    await handle.close();
  }
}
