/** Standalone entry (dist/src/crawl/main.js): `node dist/src/crawl/main.js crawl <seeds…> --out <dir>`. */
import { Command } from 'commander';
import { registerCrawlCommand } from './command.js';
import { packageVersion } from './options.js';

const program = new Command('nianbao').version(packageVersion());
registerCrawlCommand(program);
program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`nianbao crawl: ${err.message}\n`);
  process.exitCode = 1;
});
