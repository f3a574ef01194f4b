export * from './model.js';
export type { Reader, ReadOptions } from './reader.js';
export { READERS } from './registry.js';
export { detectReader } from './detect.js';
