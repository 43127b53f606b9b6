// Latency summaries for `pnpm bench`: exact percentiles over every recorded sample (autocannon's own
// histogram has no p95, and the targets are stated at p95), and a compact form for the JSON report
// (the summary, never the samples).

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Nearest-rank percentile of ascending-sorted samples: the smallest sample with at least p % of
 * the samples at or below it. NaN for no samples.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0] as number;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export function summarize(samples: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: n,
    min: n ? (sorted[0] as number) : Number.NaN,
    mean: n ? sum / n : Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: n ? (sorted[n - 1] as number) : Number.NaN,
  };
}

/** Rounds every figure of a summary to 0.01 (milliseconds to 10 µs), for the JSON report. */
export function rounded(summary: LatencySummary): LatencySummary {
  const r = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : v);
  return {
    count: summary.count,
    min: r(summary.min),
    mean: r(summary.mean),
    p50: r(summary.p50),
    p95: r(summary.p95),
    p99: r(summary.p99),
    max: r(summary.max),
  };
}

/** Collects samples cheaply (a growing Float64Array), for tens of thousands of requests per phase. */
export class Samples {
  private data = new Float64Array(1024);
  private n = 0;

  add(value: number): void {
    if (this.n === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = value;
  }

  get length(): number {
    return this.n;
  }

  summary(): LatencySummary {
    return summarize(this.data.subarray(0, this.n));
  }
}
