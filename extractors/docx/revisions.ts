/**
 * Tracked changes a Word document was published with, not accepted: a reviewer's deletions and the old
 * places of moved text are still in document.xml (w:del around w:delText, w:moveFrom), and Word shows
 * them struck through or not at all depending on the view. Neither the body reader nor the table
 * reader reads them (the document as if its changes were accepted, which is how it prints with markup
 * hidden); the count says an auditor that the published file is a draft with changes in it.
 */

/** Changes of text: deleted runs and moved-from runs (a deleted paragraph mark alone is no text). */
const TEXT_REMOVED = /<w:(?:del|moveFrom)\s[^>]*?(?<!\/)>/g;
const TEXT_INSERTED = /<w:(?:ins|moveTo)\s[^>]*?(?<!\/)>/g;

export interface Revisions {
  removed: number;
  inserted: number;
}

/** The tracked changes of text in a document part, by kind. */
export function trackedRevisions(documentXml: string): Revisions {
  if (!documentXml.includes('<w:del') && !documentXml.includes('<w:ins') && !documentXml.includes('<w:move')) return { removed: 0, inserted: 0 };
  return { removed: documentXml.match(TEXT_REMOVED)?.length ?? 0, inserted: documentXml.match(TEXT_INSERTED)?.length ?? 0 };
}
