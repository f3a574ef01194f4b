import { Command, CommanderError, Help } from 'commander';
import { COMMANDS, namedCommand } from './commands.js';
import { packageVersion } from '../util/package-version.js';

const program = new Command()
  .name('nianbao')
  .description('政府信息公开工作年度报告 → checked datasets')
  .version(packageVersion())
  .exitOverride();

try {
  // Only the named command's module is loaded; without one (`--help`, a typo) every command is listed
  // from its registry line, and commander's own "unknown command" check still applies.
  const named = namedCommand(process.argv.slice(2));
  if (named) await (await named.load())(program);
  else {
    const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
    const standard = new Help();
    program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? standard.subcommandTerm(cmd) });
    for (const c of COMMANDS) program.command(c.name).description(c.description);
  }
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? 0 : 2;
  else {
    process.stderr.write(`nianbao: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  }
}
