/** The library API: what the CLI uses, for researchers calling nianbao from Node. */
export { extractFile, extractBytes, recordFromDocument, type ExtractOptions } from './pipeline.js';
export { runExtract, type ExtractRunOptions } from './extract-run.js';
export { expandInputs, type InputItem } from './sources/inputs.js';
export { ReportRecord, Finding, Section, Status } from './schemas/record.js';
export * as templates from './templates/ids.js';
export { ALL_CELLS, CELL_BY_KEY, LAYOUTS } from './templates/ids.js';
export { RULES, runChecks } from './checks/index.js';
export { WRITERS } from './writers/index.js';
export { DocumentModel, Block, TableBlock } from '../extractors/model.js';
export { READERS, detectReader } from '../extractors/index.js';
