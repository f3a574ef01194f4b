/**
 * robots.txt, fetched once per origin and kept for the run. As RFC 9309 says: a 4xx means no rules,
 * an unreachable file or a 5xx means "assume everything is disallowed" (the server may be struggling).
 */
import robotsParserModule from 'robots-parser';
import { CrawlError, toCrawlError } from './errors.js';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent token, in ms, before capping. */
  crawlDelayMs?: number;
  /** Why the rules are what they are (for the log), e.g. "robots.txt 404: no rules". */
  origin: string;
}

export type RobotsLoader = (robotsUrl: string) => Promise<{ status: number; body: Buffer }>;

// The package is CommonJS whose module.exports is the function; its typings declare an ES default.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
};

const MAX_ROBOTS_BYTES = 500 * 1024;

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly agentToken: string,
  ) {}

  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.fetchRules(`${origin}/robots.txt`);
      this.byOrigin.set(origin, rules);
    }
    return rules;
  }

  private async fetchRules(robotsUrl: string): Promise<RobotsRules> {
    try {
      const { body } = await this.load(robotsUrl);
      return parseRobots(robotsUrl, body.subarray(0, MAX_ROBOTS_BYTES).toString('utf8'), this.agentToken);
    } catch (err) {
      const error = toCrawlError(err);
      // A host we may not reach at all is not a robots question: every URL of it fails with the real reason.
      if (error.code === 'blocked-address' || error.code === 'unsupported-scheme') throw error;
      if (error.status !== undefined && error.status >= 400 && error.status < 500) {
        return { isAllowed: () => true, origin: `robots.txt ${error.status}: no rules` };
      }
      return { isAllowed: () => false, origin: `robots.txt unavailable (${error.code}): everything disallowed` };
    }
  }
}

export function parseRobots(robotsUrl: string, text: string, agentToken: string): RobotsRules {
  const robot = robotsParser(robotsUrl, normaliseRuleLines(text));
  const delaySeconds = robot.getCrawlDelay(agentToken);
  return {
    // robots-parser answers undefined for URLs of another origin; those never reach here.
    isAllowed: (url) => robot.isAllowed(normaliseUrlPath(url), agentToken) !== false,
    crawlDelayMs: typeof delaySeconds === 'number' && delaySeconds > 0 ? delaySeconds * 1000 : undefined,
    origin: 'robots.txt',
  };
}

/**
 * RFC 3986 §6.2.2: a percent-encoded unreserved character IS that character, so `/%70rivate/` is
 * `/private/` and must meet `Disallow: /private/`. Other escapes stay escaped (with upper-case hex, as
 * robots-parser compares them), and runs of slashes, which servers collapse, count as one.
 */
export function normaliseRobotsPath(path: string): string {
  return path
    .replace(/%([0-9a-fA-F]{2})/g, (escape, hex: string) => {
      const char = String.fromCharCode(parseInt(hex, 16));
      return /[A-Za-z0-9._~-]/.test(char) ? char : escape.toUpperCase();
    })
    .replace(/\/{2,}/g, '/');
}

function normaliseUrlPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${normaliseRobotsPath(parsed.pathname + parsed.search)}`;
  } catch {
    return url;
  }
}

/** The path of every Allow and Disallow line in the same normal form as the URLs matched against them. */
function normaliseRuleLines(text: string): string {
  return text.replace(/^(\s*(?:dis)?allow\s*:\s*)(\S*)/gim, (_line, field: string, path: string) => `${field}${normaliseRobotsPath(path)}`);
}

export function robotsDisallowed(url: string): CrawlError {
  return new CrawlError('robots-disallowed', `robots.txt disallows ${url}`, false);
}
