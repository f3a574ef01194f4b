/**
 * Where an <img> keeps its picture. Lazy-loading scripts (jQuery lazyload, echo.js, lazysizes, …) keep
 * the address in a data- attribute and a placeholder in src until they run; a page saved after they ran
 * has the picture in src and the remote address still in data-src. Both the reader and the crawler take
 * every address, the lazy ones first, and use the first that holds a picture.
 */
export const LAZY_SOURCES: readonly string[] = ['data-original', 'data-src', 'data-lazy-src', 'data-actualsrc', 'data-echo', 'data-url', 'lazy-src', 'original'];

/** An <img>'s addresses, lazy-loading ones first, each once; `attribute` reads one of its attributes. */
export function pictureAddresses(attribute: (name: string) => string | undefined): string[] {
  const all = [...LAZY_SOURCES, 'src'].map((name) => attribute(name)?.trim() ?? '').filter(Boolean);
  return [...new Set(all)];
}
