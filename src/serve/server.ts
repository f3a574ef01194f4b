/**
 * `nianbao serve OUT`: the audit site over HTTP plus the one thing a static site cannot do, recording
 * review decisions (GET/POST /api/reviews → OUT/reviews.ndjson). node:http only; loopback by default.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import { SITE_DIR } from '../audit/site.js';
import { appendReview, readReviews, reviewKey, Decision, type Review } from '../reviews/store.js';
import { reviewId } from '../reviews/review-id.js';
import { z } from 'zod';

export interface ServeOptions {
  outDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json; charset=utf-8',
};

/** A review request body is a decision, a note and a name: anything larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

const ReviewRequest = z.object({
  key: z.string().min(1).max(20_000),
  decision: Decision,
  note: z.string().max(4000).default(''),
  reviewer: z.string().max(200).default(''),
});

/** The review keys of every finding in the extract: a decision is only taken for a finding that exists. */
async function findingKeys(outDir: string): Promise<Set<string>> {
  const keys = new Set<string>();
  const lines = createInterface({ input: createReadStream(join(outDir, 'reports.ndjson'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { sha256: string; findings: Array<{ rule: string; cells: string[] }> };
    for (const f of r.findings) keys.add(reviewKey(r.sha256, f.rule, f.cells));
  }
  return keys;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function byId(reviews: Map<string, Review>): Record<string, Review> {
  const out: Record<string, Review> = {};
  for (const [key, r] of reviews) out[reviewId(key)] = r;
  return out;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const outDir = options.outDir;
  const root = resolve(outDir, SITE_DIR);
  let keys = await findingKeys(outDir);
  // Appends are serialised so two decisions saved at once never interleave in the file.
  let writing: Promise<unknown> = Promise.resolve();

  async function api(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return send(res, 200, JSON.stringify(byId(await readReviews(outDir))), TYPES['.json']);
    if (req.method !== 'POST') return send(res, 405, 'GET or POST');
    // JSON only: a cross-site form cannot send it without a CORS preflight, which is never granted.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'expected application/json');
    let parsed;
    try {
      parsed = ReviewRequest.safeParse(JSON.parse(await readBody(req)));
    } catch (err) {
      return send(res, 400, (err as Error).message);
    }
    if (!parsed.success) return send(res, 400, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (!keys.has(parsed.data.key)) keys = await findingKeys(outDir); // re-extracted since start?
    if (!keys.has(parsed.data.key)) return send(res, 404, 'no such finding in this extract');
    const review: Review = { ...parsed.data, at: new Date().toISOString() };
    const done = writing.then(() => appendReview(outDir, review));
    writing = done.catch(() => undefined);
    await done;
    send(res, 200, JSON.stringify(review), TYPES['.json']);
  }

  async function file(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET');
    const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const path = resolve(root, '.' + rel);
    if (path !== root && !path.startsWith(root + sep)) return send(res, 403, 'forbidden');
    try {
      const s = await stat(path);
      if (!s.isFile()) return send(res, 404, 'not found');
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': s.size, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      if (req.method === 'HEAD') return void res.end();
      createReadStream(path).pipe(res);
    } catch {
      send(res, 404, 'not found');
    }
  }

  const host = options.host ?? '127.0.0.1';
  let allowedHosts: Set<string> | undefined;
  const server = createServer((req, res) => {
    // On loopback, only requests naming this server: a page elsewhere that rebinds its own name to
    // 127.0.0.1 would otherwise be same-origin with the review form.
    if (allowedHosts && !allowedHosts.has((req.headers.host ?? '').toLowerCase())) return send(res, 421, 'unexpected Host header');
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const handle = pathname === '/api/reviews' ? api(req, res) : file(req, res, pathname);
    handle.catch((err) => {
      if (!res.headersSent) send(res, 500, (err as Error).message);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  if (isLoopback(host)) allowedHosts = new Set([`${shown}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  return {
    url: `http://${shown}:${port}/`,
    server,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** Whether an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
