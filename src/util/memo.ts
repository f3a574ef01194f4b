/**
 * Memoisation of pure string functions. Reports follow one national template, so the same labels
 * and cell texts recur across thousands of documents in a run: normalising each distinct string
 * once is most of the mapper's saving. The cache is bounded (cleared whole when full) so a run over
 * unusual documents cannot grow it without limit.
 */
export function memoString<T>(fn: (s: string) => T, maxEntries = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(s, value);
    return value;
  };
}
