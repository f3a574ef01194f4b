/**
 * The run registry in Redis: which runs exist, what each was enqueued with (limits, settings hash,
 * inputs in input order) and whether enqueuing finished. Each run has its own BullMQ queue, so
 * waiting/active/done/failed are counted per run by BullMQ itself.
 *
 *   nianbao:runs                 sorted set of run ids by creation time
 *   nianbao:run:<id>             hash: created, settingsHash, limits, missing, sealed, total
 *   nianbao:run:<id>:inputs      list of {key, source} JSON, every input in input order (duplicates too)
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import type { Limits } from '../limits.js';
import type { RunManifest } from '../run/journal.js';

export const QUEUE_PREFIX = 'nianbao';
const RUNS = `${QUEUE_PREFIX}:runs`;

export interface RunInfo {
  id: string;
  created: string;
  settingsHash: string;
  limits: Limits;
  /** Inputs that matched nothing on the enqueuing machine (they go to summary.json). */
  missing: string[];
  /** True once every input is enqueued: until then a collector waits. */
  sealed: boolean;
  total: number;
}

/** The BullMQ queue name of a run (BullMQ adds its own prefix). */
export function queueName(runId: string): string {
  return `extract-${runId}`;
}

/**
 * The default run id: the same output folder on the same machine is the same run, so repeating an
 * interrupted enqueuing command resumes it instead of starting another.
 */
export function defaultRunId(outDir: string): string {
  return createHash('sha256').update(`${hostname()}\0${resolve(outDir)}`).digest('hex').slice(0, 12);
}

export function checkRunId(id: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw new Error(`run id ${JSON.stringify(id)}: use letters, digits, '.', '_' or '-' (at most 64)`);
  return id;
}

const runKey = (id: string): string => `${QUEUE_PREFIX}:run:${id}`;
const inputsKey = (id: string): string => `${QUEUE_PREFIX}:run:${id}:inputs`;

/** Opens (or re-opens, for a resumed enqueue) a run: unsealed, its input list emptied to be written again. */
export async function beginRun(redis: Redis, id: string, settingsHash: string, limits: Limits, missing: string[]): Promise<void> {
  const existing = await redis.hget(runKey(id), 'settingsHash');
  if (existing && existing !== settingsHash) {
    throw new Error(`run ${id} was enqueued with other settings (${existing}, now ${settingsHash}): give another --run, or remove it with \`nianbao queue remove --run ${id}\``);
  }
  const created = (await redis.hget(runKey(id), 'created')) ?? new Date().toISOString();
  await redis
    .multi()
    .zadd(RUNS, 'NX', Date.parse(created), id)
    .hset(runKey(id), { created, settingsHash, limits: JSON.stringify(limits), missing: JSON.stringify(missing), sealed: '0', total: '0' })
    .del(inputsKey(id))
    .exec();
}

export async function appendInputs(redis: Redis, id: string, inputs: RunManifest['inputs']): Promise<void> {
  if (inputs.length) await redis.rpush(inputsKey(id), ...inputs.map((i) => JSON.stringify(i)));
}

export async function sealRun(redis: Redis, id: string, total: number): Promise<void> {
  await redis.hset(runKey(id), { sealed: '1', total: String(total) });
}

export async function getRun(redis: Redis, id: string): Promise<RunInfo | undefined> {
  const h = await redis.hgetall(runKey(id));
  if (!h.settingsHash) return undefined;
  return { id, created: h.created, settingsHash: h.settingsHash, limits: JSON.parse(h.limits) as Limits, missing: JSON.parse(h.missing ?? '[]') as string[], sealed: h.sealed === '1', total: Number(h.total ?? 0) };
}

/** Run ids, oldest first. */
export async function listRuns(redis: Redis): Promise<string[]> {
  return redis.zrange(RUNS, 0, -1);
}

export async function runInputs(redis: Redis, id: string): Promise<RunManifest['inputs']> {
  const out: RunManifest['inputs'] = [];
  const PAGE = 10_000;
  for (let from = 0; ; from += PAGE) {
    const page = await redis.lrange(inputsKey(id), from, from + PAGE - 1);
    for (const line of page) out.push(JSON.parse(line) as RunManifest['inputs'][number]);
    if (page.length < PAGE) return out;
  }
}

/** Forgets a run's registry entries (its BullMQ queue is obliterated by the caller). */
export async function forgetRun(redis: Redis, id: string): Promise<void> {
  await redis.multi().zrem(RUNS, id).del(runKey(id), inputsKey(id)).exec();
}
