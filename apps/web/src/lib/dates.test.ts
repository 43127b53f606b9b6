import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dates.ts';

describe('formatDateTime', () => {
  it('shows the Shanghai day and time of a record whose time is known', () => {
    expect(formatDateTime('2026-05-20T06:30:00Z')).toBe('2026-05-20 14:30');
    expect(formatDateTime('2026-05-20T06:30:00Z', true)).toBe('2026-05-20 14:30');
  });

  it('shows an imported date-only record as its day alone, not as a midnight meeting', () => {
    // 0:00 on 2026-05-20 in Shanghai is 16:00 UTC the day before.
    expect(formatDateTime('2026-05-19T16:00:00Z', false)).toBe('2026-05-20');
  });
});
