/**
 * Hostile-input tests guard against hangs (quadratic or exponential work), not for speed: speed targets
 * live in `npm run bench` and `npm run hostile`. A guarded test that never ends fails at this bound, which
 * is minutes of headroom over the second or so such a test takes, so a loaded CI machine cannot fail it.
 */
export const HANG_GUARD_MS = 120_000;
