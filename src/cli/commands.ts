/**
 * The subcommands of `nianbao`. A new command is one new file plus one line here.
 *
 * Each line names the command, its help line and how to load it: `nianbao extract …` loads only the
 * extract module (and what it imports), and `nianbao --help` loads none of them, so start-up does not
 * pay for Redis clients, pdf.js or zod schemas a command never uses.
 */
import type { Command } from 'commander';

export interface CommandEntry {
  name: string;
  /** How `nianbao --help` lists it (the module's own help is the full one). */
  term: string;
  description: string;
  load: () => Promise<(program: Command) => unknown>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'extract', term: 'extract [options] <inputs...>', description: 'read reports (files, folders, globs or a crawl folder) and write checked datasets', load: async () => (await import('./extract-command.js')).registerExtractCommand },
  { name: 'crawl', term: 'crawl [options] <seeds...>', description: 'download annual reports (and their attachments) from government portals, politely and resumably', load: async () => (await import('../crawl/command.js')).registerCrawlCommand },
  { name: 'worker', term: 'worker [options]', description: 'take extract and crawl jobs from a Redis queue (any number of machines) until stopped with Ctrl-C', load: async () => (await import('./worker-command.js')).registerWorkerCommand },
  { name: 'collect', term: 'collect [options]', description: 'wait for a queue run to end and write its datasets (a crawl run: its crawl folder), as a local run would', load: async () => (await import('./collect-command.js')).registerCollectCommand },
  { name: 'queue', term: 'queue', description: 'runs in a Redis queue: their state, and removing them', load: async () => (await import('./queue-command.js')).registerQueueCommand },
  { name: 'export', term: 'export [options] <out>', description: 'tables and charts for people who work in a spreadsheet, from an extract output folder', load: async () => (await import('./export-command.js')).registerExportCommand },
  { name: 'audit', term: 'audit [options] <out>', description: 'write OUT/audit/: a static audit site over an extract (opens from file://, no server, no network)', load: async () => (await import('./audit-command.js')).registerAuditCommand },
  { name: 'serve', term: 'serve [options] <out>', description: 'serve the audit site of an extract and record review decisions in OUT/reviews.ndjson', load: async () => (await import('./serve-command.js')).registerServeCommand },
];

/**
 * The command a command line names: the first word that is not an option (after `help`, the one it
 * asks about). None when nianbao's own --help or --version comes first: that help lists every command.
 */
export function namedCommand(args: string[]): CommandEntry | undefined {
  const first = args.findIndex((a) => !a.startsWith('-'));
  if (args.slice(0, first === -1 ? args.length : first).some((a) => PROGRAM_OPTIONS.has(a))) return undefined;
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}

const PROGRAM_OPTIONS = new Set(['-h', '--help', '-V', '--version']);
