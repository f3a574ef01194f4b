import { describe, expect, it } from 'vitest';
import { Command, Help } from 'commander';
import { COMMANDS, namedCommand } from '../../../src/cli/commands.js';

describe('the command registry', () => {
  // `nianbao --help` lists commands from the registry lines without loading their modules: each
  // line must say what the module itself registers.
  for (const entry of COMMANDS) {
    it(`${entry.name}: its line matches what its module registers`, async () => {
      const program = new Command();
      (await entry.load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
      const command = program.commands[0];
      expect(command.description()).toBe(entry.description);
      expect(new Help().subcommandTerm(command)).toBe(entry.term);
    });
  }

  it('finds the command a command line names, skipping options and `help`', () => {
    expect(namedCommand(['extract', 'a.pdf', '--out', 'o'])?.name).toBe('extract');
    expect(namedCommand(['--quiet', 'crawl', 'x'])?.name).toBe('crawl');
    expect(namedCommand(['help', 'serve'])?.name).toBe('serve');
    expect(namedCommand(['--help'])).toBeUndefined();
    expect(namedCommand(['extrct'])).toBeUndefined();
    expect(namedCommand([])).toBeUndefined();
    // nianbao's own help before the command: the help that lists every command.
    expect(namedCommand(['-h', 'extract'])).toBeUndefined();
    expect(namedCommand(['extract', '--help'])?.name).toBe('extract');
  });
});
