// Resident memory of another process (the API under load), read from /proc/<pid>/status: VmRSS
// sampled every 50 ms into the peak of the phase that is running, and VmHWM, the kernel's own
// high-water mark, which catches a spike shorter than the sampling interval. VmHWM is reset at
// the start of each phase (writing 5 to /proc/<pid>/clear_refs, allowed for our own child), so at
// the end of the phase it is that phase's exact peak; where the reset is refused, VmHWM counts
// since the process started and only the sampled peak is the phase's.
import { readFileSync, writeFileSync } from 'node:fs';

export interface ProcMemory {
  /** VmRSS in bytes. */
  rss: number;
  /** VmHWM in bytes. */
  hwm: number;
}

/** VmRSS and VmHWM of a process, or null once it has exited. */
export function readProcMemory(pid: number): ProcMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the process's VmHWM to its current RSS; false when the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface PhaseMemory {
  /** Highest VmRSS sampled during the phase, bytes. */
  sampledPeak: number;
  /** VmHWM at the end of the phase: since the phase began when `hwmReset`, else since start. */
  hwmAtEnd: number;
  hwmReset: boolean;
  /** The phase's peak: the higher of the sampled peak and (when reset) VmHWM, bytes. */
  peakRss: number;
  samples: number;
}

export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private current: { name: string; peak: number; samples: number; reset: boolean } | undefined;
  readonly phases = new Map<string, PhaseMemory>();
  /** Highest VmRSS sampled while the sampler ran, across phases. */
  overallPeak = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private sample(): void {
    const memory = readProcMemory(this.pid);
    if (!memory) return;
    this.overallPeak = Math.max(this.overallPeak, memory.rss);
    if (this.current) {
      this.current.peak = Math.max(this.current.peak, memory.rss);
      this.current.samples++;
    }
  }

  /** Starts attributing samples to a named phase; a phase run twice keeps the higher peak. */
  begin(name: string): void {
    this.end();
    this.current = { name, peak: 0, samples: 0, reset: resetPeak(this.pid) };
    this.sample();
  }

  end(): void {
    const phase = this.current;
    if (!phase) return;
    this.sample();
    this.current = undefined;
    const before = this.phases.get(phase.name);
    const hwm = readProcMemory(this.pid)?.hwm ?? Number.NaN;
    const peak = phase.reset && Number.isFinite(hwm) ? Math.max(phase.peak, hwm) : phase.peak;
    this.phases.set(phase.name, {
      sampledPeak: Math.max(phase.peak, before?.sampledPeak ?? 0),
      hwmAtEnd: Math.max(hwm, before?.hwmAtEnd ?? 0),
      hwmReset: phase.reset && (before?.hwmReset ?? true),
      peakRss: Math.max(peak, before?.peakRss ?? 0),
      samples: phase.samples + (before?.samples ?? 0),
    });
  }
}
