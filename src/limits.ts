/**
 * The limits live with the readers (extractors/limits.ts), the lowest floor of the house, so readers
 * and the run share one definition; this module keeps `import { DEFAULT_LIMITS } from 'src/limits'`
 * working for the code above them.
 */
export * from '../extractors/limits.js';
