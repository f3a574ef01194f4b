import { InvalidArgumentError, type Command } from 'commander';
import { buildSite, NoExtractError } from '../audit/site.js';

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('write OUT/audit/: a static audit site over an extract (opens from file://, no server, no network)')
    .argument('<out>', 'the output folder of `nianbao extract`')
    .option('--no-evidence', 'skip the PDFs and source tables (faster, no 原文位置 panel)')
    .option('--threads <n>', 'threads writing report pages (default: one per core from 200 pages to write, else 1)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of threads, at least 1');
      return n;
    })
    .action(async (out: string, opts: { evidence: boolean; threads?: number }) => {
      let result;
      try {
        result = await buildSite(out, { noEvidence: !opts.evidence, threads: opts.threads });
      } catch (err) {
        if (!(err instanceof NoExtractError)) throw err;
        process.stderr.write(`nianbao: ${err.message}\n`);
        process.exitCode = 1;
        return;
      }
      const kept = result.reports - result.written;
      process.stderr.write(`audit: ${result.reports} reports → ${result.dir}/index.html (${result.seconds.toFixed(1)} s${kept ? `; ${kept} pages unchanged, kept` : ''})\n`);
    });
}
