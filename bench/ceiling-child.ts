/**
 * One bare extraction loop (bench/ceiling.ts forks one per process): the documents named on stdin's
 * JSON, read and extracted one after another in this process, nothing journalled or sent anywhere.
 */
import { readFileSync } from 'node:fs';
import { extractFile } from '../src/pipeline.js';

const paths = JSON.parse(readFileSync(0, 'utf8')) as string[];
for (const path of paths) await extractFile(path, {}, readFileSync);
