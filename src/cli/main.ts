import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { COMMANDS } from './commands.js';

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

const program = new Command()
  .name('nianbao')
  .description('政府信息公开工作年度报告 → checked datasets')
  .version(version)
  .exitOverride();
for (const register of COMMANDS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else {
    process.stderr.write(`nianbao: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  }
}
