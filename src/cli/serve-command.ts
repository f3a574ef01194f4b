import { InvalidArgumentError, type Command } from 'commander';
import { buildSite, NoExtractError } from '../audit/site.js';
import { isLoopback, startServer } from '../serve/server.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0–65535');
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the audit site of an extract and record review decisions in OUT/reviews.ndjson')
    .argument('<out>', 'the output folder of `nianbao extract`')
    .option('--host <address>', 'address to listen on (a non-loopback address shares the site and its review form on the network)', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', parsePort, 8080)
    .action(async (out: string, opts: { host: string; port: number }) => {
      let built, running;
      try {
        built = await buildSite(out);
        if (!isLoopback(opts.host)) {
          process.stderr.write(`nianbao: warning: listening on ${opts.host}: anyone who can reach this address can read the reports and record review decisions (there is no login)\n`);
        }
        running = await startServer({ outDir: out, host: opts.host, port: opts.port });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (!(err instanceof NoExtractError) && code !== 'EADDRINUSE' && code !== 'EADDRNOTAVAIL' && code !== 'EACCES') throw err;
        process.stderr.write(`nianbao: ${(err as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`serve: ${built.reports} reports at ${running.url} (Ctrl-C to stop)\n`);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
