/**
 * A file written atomically: everything goes to a temporary file beside the target, renamed over it on
 * close, so readers never see a half-written dataset and an interrupted run leaves the old one intact.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { tempPathBeside } from '../util/atomic.js';

export class FileSink {
  private stream?: WriteStream;
  private target = '';
  private temp = '';

  async open(dir: string, file: string): Promise<void> {
    this.target = join(dir, file);
    this.temp = tempPathBeside(this.target);
    this.stream = createWriteStream(this.temp);
    await once(this.stream, 'open');
  }

  async write(text: string): Promise<void> {
    const s = this.stream!;
    if (!s.write(text)) await once(s, 'drain');
  }

  async close(): Promise<void> {
    const s = this.stream!;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(this.temp, this.target);
  }

  async abort(): Promise<void> {
    this.stream?.destroy();
    await rm(this.temp, { force: true });
  }
}
