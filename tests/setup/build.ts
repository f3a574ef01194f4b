/**
 * vitest globalSetup: build once before the tests (tsc, then the assets `npm run build` copies), because the batch runner forks the compiled
 * worker (dist/src/run/worker-main.js), which does not exist next to the .ts sources.
 * Type errors elsewhere in the tree do not stop the build (tsc still emits); a missing worker does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    const output = String((err as { stdout?: Buffer }).stdout ?? '');
    console.warn(`tsc reported errors (build continues):\n${output.slice(0, 2000)}`);
  }
  if (!existsSync(`${root}dist/src/run/worker-main.js`)) throw new Error('build produced no dist/src/run/worker-main.js');
  // The rest of `npm run build`: the audit site's browser assets beside the compiled code, or the site tests
  // would run an older copy of them (or none, on a fresh clone).
  execFileSync(process.execPath, [`${root}scripts/copy-assets.mjs`], { cwd: root, stdio: 'pipe' });
  // Test workers start after globalSetup and inherit this: tests that call ensureBuilt() skip a rebuild.
  process.env.NIANBAO_DIST_BUILT = '1';
}
