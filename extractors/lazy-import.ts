/**
 * A module a reader loads on its first document, loaded once. An `import()` of a module already
 * loaded still resolves its specifier against the file system and walks the loader's module map on
 * every call; over thousands of small documents that is a few per cent of a worker's time.
 */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      // A failed load is tried again on the next document, as a plain import() would be.
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
}
