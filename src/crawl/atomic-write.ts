/** Write to a temp file beside the target, then rename: readers and a kill -9 see the old file or the new one, never half. */
import { rename, writeFile } from 'node:fs/promises';

export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}
