import type { InputItem } from '../sources/inputs.js';

/** A crawl folder's documents with their URLs; undefined when the folder is not a crawl. */
export async function loadManifestInputs(_dir: string): Promise<InputItem[] | undefined> {
  return undefined;
}
