/**
 * Seeded mutants of real reports: what a cut-off download, a bad disk, a careless converter or a
 * hostile hand leaves of a file. Unlike the hostile corpus (generate.ts), whose files each attack one
 * limit on purpose, mutants find what nobody thought of: each mutation is small, and the readers meet
 * it deep inside an otherwise ordinary document (a number in a font dictionary, a page-tree entry, a
 * table cell). The same seed gives the same mutants on every machine, so a failure can be regenerated.
 */
import { Random } from '../variety/random.js';

export type Mutation = 'truncate' | 'flip-bits' | 'zero-run' | 'repeat-run' | 'cut-run' | 'long-numbers' | 'spaced-digits';

export interface Mutant {
  /** `<base>-<index>-<mutations>.<ext>`: names the mutations, so a failing file says what was done to it. */
  name: string;
  bytes: Buffer;
  mutations: Mutation[];
}

const MUTATIONS: Record<Mutation, (bytes: Buffer, random: Random) => Buffer> = {
  truncate: (b, r) => b.subarray(0, r.int(1, Math.max(1, b.length - 1))),
  'flip-bits': (b, r) => {
    const copy = Buffer.from(b);
    for (let i = r.int(1, 40); i > 0; i--) copy[r.int(0, copy.length - 1)] ^= 1 << r.int(0, 7);
    return copy;
  },
  'zero-run': (b, r) => {
    const copy = Buffer.from(b);
    const at = r.int(0, copy.length - 1);
    return copy.fill(0, at, Math.min(copy.length, at + r.int(1, 4096)));
  },
  'repeat-run': (b, r) => {
    const at = r.int(0, b.length - 1);
    const run = b.subarray(at, at + r.int(1, 8192));
    return Buffer.concat([b.subarray(0, at), run, run, b.subarray(at)]);
  },
  'cut-run': (b, r) => {
    const at = r.int(0, b.length - 1);
    return Buffer.concat([b.subarray(0, at), b.subarray(at + r.int(1, 8192))]);
  },
  // Counts, lengths, widths, coordinates and object numbers given absurd sizes: the readers must not
  // believe them (allocate, loop or read that far).
  'long-numbers': (b, r) =>
    Buffer.from(b.toString('latin1').replace(/\b\d{1,4}\b/g, (n) => (r.chance(0.05) ? '9'.repeat(r.int(5, 30)) : n)), 'latin1'),
  // A cell's digits spaced out and repeated (a damaged text layer, a hostile cell): one run of
  // hundreds of digits once the spaces go.
  'spaced-digits': (b, r) =>
    Buffer.from(b.toString('latin1').replace(/>(\d{1,4})</g, (cell, n: string) => (r.chance(0.03) ? `>${`${n} `.repeat(r.int(50, 2000))}<` : cell)), 'latin1'),
};

const KINDS = Object.keys(MUTATIONS) as Mutation[];

/** `count` mutants of one file, each one or two mutations of it. */
export function mutants(source: Buffer, fileName: string, count: number, seed: number): Mutant[] {
  const dot = fileName.lastIndexOf('.');
  const [base, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const random = new Random(`${seed}:${fileName}`);
  return Array.from({ length: count }, (_, index) => {
    const mutations = Array.from({ length: random.int(1, 2) }, () => random.pick(KINDS));
    const bytes = mutations.reduce((bytes, mutation) => MUTATIONS[mutation](bytes, random), source);
    return { name: `${base}-${index}-${mutations.join('+')}${ext}`, bytes, mutations };
  });
}
