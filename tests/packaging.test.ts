/** What `npm publish` would ship: the compiled code, the CLI, README and LICENSE; no tests, bench or CI. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

function packedFiles(): string[] {
  // --ignore-scripts: the suite's global setup has built dist/ already.
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
}

describe('the published package', () => {
  const files = packedFiles();

  it('holds no test, bench, CI, fixture or TypeScript source file', () => {
    expect(files.filter((f) => /^(tests|bench|tools|scripts|samples|\.ci|src|extractors)\/|^dist\/(bench|tests|tools)\/|\.test\.|vitest|dependency-cruiser/.test(f))).toEqual([]);
  });

  it('holds the CLI, the entry points it names, the worker, README and LICENSE', () => {
    for (const f of ['bin/nianbao.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/src/run/worker-main.js', 'dist/extractors/registry.js', 'README.md', 'LICENSE', 'package.json']) {
      expect(files).toContain(f);
    }
    expect(files).toContain(pkg.main);
  });

  it('declares its licence with the text beside it, no invented repository and the Node versions its dependencies accept', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/);
    // The repository is the publisher's to name (README, "Publishing"): a URL we made up would send
    // users and security reports nowhere. When set, it must be a real git URL.
    if (pkg.repository !== undefined) expect(pkg.repository.url ?? pkg.repository).toMatch(/^(git\+)?https:\/\/[^/]+\/[^/]+\/[^/]+/);
    expect(JSON.stringify(pkg)).not.toMatch(/github\.com\/nianbao\/nianbao/);
    expect(readFileSync('SECURITY.md', 'utf8')).not.toMatch(/EXAMPLE\.ORG|SECURITY-CONTACT/i);
    // Every Node version the package admits is one each runtime dependency admits (cheerio needs
    // 20.18.1, pdf-parse refuses 21 and 22 before 22.3, better-sqlite3 stops at 26), and the running one is admitted.
    for (const dep of Object.keys(pkg.dependencies)) {
      const wanted = (JSON.parse(readFileSync(`node_modules/${dep}/package.json`, 'utf8')) as { engines?: { node?: string } }).engines?.node;
      if (wanted) expect(semver.subset(pkg.engines.node, wanted), `${dep} wants node ${wanted}`).toBe(true);
    }
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
  });
});
