import { describe, expect, it } from 'vitest';
import { RateMeter } from '../../../src/main/core/jobs/rateMeter';
import { formatDuration } from '../../../src/shared/domain/format';

describe('rate and time left', () => {
  it('measure over a sliding window, so a slowdown shows up', () => {
    const meter = new RateMeter(5000);
    expect(meter.rate()).toBeNull();
    meter.add(0, 0);
    meter.add(1000, 1000);
    expect(meter.rate()).toBe(1000);
    expect(meter.etaSeconds(1000, 11_000)).toBe(10);
    // Ten seconds later the job has slowed to 100/s; the early fast second has left the window.
    for (let t = 2000; t <= 11_000; t += 1000) meter.add(1000 + ((t - 1000) / 1000) * 100, t);
    expect(meter.rate()).toBeCloseTo(100, 0);
    expect(meter.etaSeconds(2000, 3000)).toBeCloseTo(10, 0);
  });

  it('have no estimate without a total', () => {
    const meter = new RateMeter();
    meter.add(0, 0);
    meter.add(10, 1000);
    expect(meter.etaSeconds(10, null)).toBeNull();
  });

  it('read as a seller would say them', () => {
    expect(formatDuration(0.4)).toBe('< 1 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(3 * 3600 + 60)).toBe('3 h 1 min');
  });
});
