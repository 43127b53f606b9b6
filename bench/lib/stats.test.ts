import { describe, expect, it } from 'vitest';
import { percentile, Samples, summarize } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank: the smallest sample with at least p% at or below it', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples into min, mean, p50, p95, p99 and max', () => {
    const samples = [5, 1, 4, 2, 3, 100, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const s = summarize(samples);
    expect(s).toMatchObject({ count: 20, min: 1, max: 100, p50: 10, p95: 19, p99: 100 });
    expect(s.mean).toBeCloseTo(samples.reduce((a, b) => a + b, 0) / 20);
  });

  it('keeps every sample when the collector grows past its first buffer', () => {
    const samples = new Samples();
    for (let i = 3000; i >= 1; i--) samples.add(i);
    expect(samples.length).toBe(3000);
    expect(samples.summary()).toMatchObject({ count: 3000, min: 1, max: 3000, p50: 1500, p99: 2970 });
  });
});
