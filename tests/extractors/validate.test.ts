import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checked, validating } from '../../extractors/validate.js';

const Shape = z.object({ n: z.number() });
const saved = { VITEST: process.env.VITEST, NIANBAO_VALIDATE: process.env.NIANBAO_VALIDATE };

function setEnv(name: 'VITEST' | 'NIANBAO_VALIDATE', value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

afterEach(() => {
  setEnv('VITEST', saved.VITEST);
  setEnv('NIANBAO_VALIDATE', saved.NIANBAO_VALIDATE);
});

describe('checked', () => {
  it('validates under vitest, so a wrong shape fails every test run', () => {
    expect(validating()).toBe(true);
    expect(() => checked(Shape, { n: 'x' } as unknown as { n: number })).toThrow();
  });

  it('passes the value through untouched in production', () => {
    setEnv('VITEST', undefined);
    setEnv('NIANBAO_VALIDATE', undefined);
    expect(validating()).toBe(false);
    const bad = { n: 'x' } as unknown as { n: number };
    expect(checked(Shape, bad)).toBe(bad);
  });

  it('validates in production when NIANBAO_VALIDATE=1', () => {
    setEnv('VITEST', undefined);
    setEnv('NIANBAO_VALIDATE', '1');
    expect(validating()).toBe(true);
    expect(() => checked(Shape, { n: 'x' } as unknown as { n: number })).toThrow();
    expect(checked(Shape, { n: 1, extra: true } as { n: number })).toEqual({ n: 1 });
  });
});
