import { readFileSync } from 'node:fs';

/**
 * CPU time used so far by this process and its reaped children, ms, from /proc/self/stat (utime,
 * stime, cutime, cstime in clock ticks): what a run costs, less sensitive to a busy machine than
 * elapsed time. Undefined off Linux.
 */
export function cpuMsSoFar(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;
