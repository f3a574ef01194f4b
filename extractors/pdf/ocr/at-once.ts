/**
 * Pages of one document read by OCR side by side (maxOcrPagesAtOnce says why and how many):
 * task(item, index) for every item, at most `atOnce` running at a time, started in the items' order;
 * the results in that order. When a task fails no further task starts, and the first failure is thrown
 * once the tasks already running have ended, so none outlives the call (their temp files, their children).
 */
export async function mapAtOnce<T, R>(items: readonly T[], atOnce: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, lane));
  if (failure) throw failure.error;
  return results;
}
