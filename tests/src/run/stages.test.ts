import { describe, expect, it } from 'vitest';
import { addStageTimes, enableStageTimes, STAGES, stageTimesOn, takeStageTimes, timeStage, timeStageAsync } from '../../../src/run/stages.js';

const busy = (): number => {
  let x = 0;
  for (let i = 0; i < 2_000_000; i++) x += Math.sqrt(i);
  return x;
};

describe('stage times', () => {
  it('are off by default: stages run, return their value and add nothing', async () => {
    expect(stageTimesOn()).toBe(false);
    expect(timeStage('map', () => 42)).toBe(42);
    expect(await timeStageAsync('read', async () => 'bytes')).toBe('bytes');
    busy();
    expect(Object.values(takeStageTimes()).every((ms) => ms === 0)).toBe(true);
  });

  it('once on, add each stage to its own total, pass errors through, and start again after take', async () => {
    enableStageTimes();
    expect(process.env.NIANBAO_STAGE_TIMES).toBe('1'); // what forked workers inherit
    timeStage('structure', busy);
    await expect(timeStageAsync('read', async () => {
      busy();
      throw new Error('unreadable');
    })).rejects.toThrow('unreadable');
    addStageTimes({ 'hand-over': 3 });
    const times = takeStageTimes();
    expect(Object.keys(times)).toEqual([...STAGES]);
    expect(times.structure).toBeGreaterThan(0);
    expect(times.read).toBeGreaterThan(0);
    expect(times['hand-over']).toBe(3);
    expect(times.map + times.check + times.serialise).toBe(0);
    expect(Object.values(takeStageTimes()).every((ms) => ms === 0)).toBe(true);
  });
});
