/**
 * Settings beyond the flags: `nianbao.config.json` in the working folder (or the file `--config`
 * names) and `--limit name=value` flags, for extract and crawl alike. Flags win over the file, the
 * file over the defaults; every value is checked by a zod schema, so a misspelt name or a bad value
 * stops the run with its name instead of being ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LimitsOverrides } from '../limits.js';
import { CrawlLimits, CrawlSettings } from '../crawl/settings.js';

export const CONFIG_FILE = 'nianbao.config.json';

/** `crawl` holds crawl options by their long flag name in camelCase (`maxPages`, `delay`, `contact`, …). */
export const NianbaoConfig = z
  .object({
    limits: LimitsOverrides.optional(),
    crawl: CrawlSettings.optional(),
  })
  .strict();
export type NianbaoConfig = z.infer<typeof NianbaoConfig>;

export class ConfigError extends Error {}

/** The config named by --config (it must exist), else nianbao.config.json when present, else {}. */
export function loadConfig(explicit?: string, cwd = process.cwd()): NianbaoConfig {
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE);
  if (!explicit && !existsSync(path)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  const parsed = NianbaoConfig.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`config ${path}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** commander collector for a repeatable `--limit name=value`. */
export function collectLimit(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const match = /^\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S+)\s*$/.exec(value);
  if (!match) throw new ConfigError(`--limit ${value}: expected name=value, e.g. maxPdfPages=100`);
  const number = Number(match[2].replace(/_/g, ''));
  if (!Number.isFinite(number)) throw new ConfigError(`--limit ${value}: ${match[2]} is not a number`);
  return { ...previous, [match[1]]: number };
}

/** The limit overrides of a run: config file, then --limit flags, validated together. */
export function limitOverrides(config: NianbaoConfig, flags: Record<string, number> = {}): LimitsOverrides {
  const parsed = LimitsOverrides.safeParse({ ...config.limits, ...flags });
  if (!parsed.success) throw new ConfigError(`limits: ${describeIssues(parsed.error)} (names: ${Object.keys(LimitsOverrides.shape).join(', ')})`);
  return parsed.data;
}

/**
 * The crawl settings of a run: the config file's "crawl", then --limit flags, validated together;
 * only settings whose flag was not given on the command line (`fromCli`) are taken.
 */
export function crawlOverrides(config: NianbaoConfig, flags: Record<string, number> = {}, fromCli: (name: string) => boolean = () => false): CrawlSettings {
  const limits = CrawlLimits.safeParse(flags);
  if (!limits.success) throw new ConfigError(`limits: ${describeIssues(limits.error)} (names: ${Object.keys(CrawlLimits.shape).join(', ')})`);
  const fromFile = Object.fromEntries(Object.entries(config.crawl ?? {}).filter(([name]) => !fromCli(name)));
  return { ...fromFile, ...limits.data };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const at = issue.path.join('.');
      const keys = 'keys' in issue && Array.isArray(issue.keys) ? ` ${issue.keys.join(', ')}` : '';
      return `${at ? `${at}: ` : ''}${issue.message}${keys}`;
    })
    .join('; ');
}
