import type { z } from 'zod';

/**
 * Schema checks at places that only build data from our own code (the HTML/TXT document model) cost a
 * large share of the per-document time (README "Speed") and never fail in production: the types already
 * hold. They run under vitest and when NIANBAO_VALIDATE=1 is set, so a change that breaks the shape is
 * still caught on every test and corpus run that asks for it.
 */
export function validating(): boolean {
  return process.env.NIANBAO_VALIDATE === '1' || process.env.VITEST !== undefined;
}

/** `schema.parse(value)` when validating, else `value` as is (the caller's type already matches). */
export function checked<S extends z.ZodTypeAny>(schema: S, value: z.output<S>): z.output<S> {
  return validating() ? (schema.parse(value) as z.output<S>) : value;
}
