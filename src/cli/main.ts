import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands.js';
import { packageVersion } from '../util/package-version.js';

const program = new Command()
  .name('nianbao')
  .description('政府信息公开工作年度报告 → checked datasets')
  .version(packageVersion())
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
