import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, describeExit, nextRestartDelay } from './supervisor.ts';

describe('the API supervisor back-off', () => {
  it('starts at 0.5 s and doubles up to 10 s while the API keeps dying quickly', () => {
    const delays: number[] = [];
    let delay = 0;
    for (let i = 0; i < 8; i++) {
      delay = nextRestartDelay(delay, 2_000);
      delays.push(delay);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('goes back to 0.5 s once an API stayed up for a minute', () => {
    expect(nextRestartDelay(10_000, DEFAULT_BACKOFF.resetAfterMs)).toBe(500);
    expect(nextRestartDelay(10_000, DEFAULT_BACKOFF.resetAfterMs - 1)).toBe(10_000);
    expect(nextRestartDelay(4000, 3_600_000)).toBe(500);
  });

  it('names the exit by its signal, else by its code', () => {
    expect(describeExit(null, 'SIGKILL')).toBe('signal SIGKILL');
    expect(describeExit(134, null)).toBe('code 134');
  });
});
