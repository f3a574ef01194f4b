/**
 * The house rules on imports, checked by tests/architecture.test.ts (and `npx depcruise src extractors`):
 * readers (extractors/) never import from the layers above them (src/), and nothing imports in a circle.
 * bench/ and tools/ sit outside the house and may import both.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'extractors-import-nothing-from-src',
      comment: 'extractors/ is the lowest floor: readers know nothing of templates, checks, writers or the run.',
      severity: 'error',
      from: { path: '^extractors/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-import-cycles',
      comment: 'A cycle (type-only imports included) means two modules are one concept split in two.',
      severity: 'error',
      from: { path: '^(src|extractors)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^(src|extractors)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
