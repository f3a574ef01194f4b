/** The subcommands of `nianbao`. A new command is one new file plus one line here. */
import type { Command } from 'commander';
import { registerExtractCommand } from './extract-command.js';
import { registerCrawlCommand } from '../crawl/command.js';
import { registerWorkerCommand } from './worker-command.js';
import { registerCollectCommand } from './collect-command.js';
import { registerQueueCommand } from './queue-command.js';
import { registerExportCommand } from './export-command.js';

export const COMMANDS: Array<(program: Command) => void> = [
  registerExtractCommand, registerCrawlCommand, registerWorkerCommand, registerCollectCommand, registerQueueCommand, registerExportCommand,
];
