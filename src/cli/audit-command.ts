import type { Command } from 'commander';
import { buildSite, NoExtractError } from '../audit/site.js';

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('write OUT/audit/: a static audit site over an extract (opens from file://, no server, no network)')
    .argument('<out>', 'the output folder of `nianbao extract`')
    .option('--no-evidence', 'skip page images and source tables (faster, no 原文位置 panel)')
    .action(async (out: string, opts: { evidence: boolean }) => {
      let result;
      try {
        result = await buildSite(out, { noEvidence: !opts.evidence });
      } catch (err) {
        if (!(err instanceof NoExtractError)) throw err;
        process.stderr.write(`nianbao: ${err.message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`audit: ${result.reports} reports → ${result.dir}/index.html (${result.seconds.toFixed(1)} s)\n`);
    });
}
