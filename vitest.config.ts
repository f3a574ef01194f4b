import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The batch runner and CLI tests fork the compiled code: build once before the tests.
    globalSetup: ['tests/setup/build.ts', 'tests/setup/tmp.ts'],
    // One test file per core: most files wait on a child process (tesseract, LibreOffice, Chromium, a worker) or run one thread.
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
