import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../generator/shared/pool.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapLimit', () => {
  it('keeps input order and never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await mapLimit([...Array(50).keys()], 4, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await tick();
      inFlight--;
      return n * 2;
    });
    expect(result).toEqual([...Array(50).keys()].map((n) => n * 2));
    expect(peak).toBe(4);
  });

  it('stops starting new calls after a failure and rethrows it', async () => {
    const started: number[] = [];
    const run = mapLimit([...Array(20).keys()], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 3) throw new Error('boom');
      return n;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(20);
  });
});
