// Runs one kind's jobs one after another in this process, after the answer that started them has
// gone out; closing lets the running job stop at its next step (it ends FAILED with the kind's
// interrupted sentence) and waits for the queue to drain.

/** A job's work: `stopping()` turns true when the process shuts down. It stores its own failure. */
export type JobWork = (stopping: () => boolean) => Promise<void>;

export class JobRunner {
  private tail: Promise<void> = Promise.resolve();
  private closing = false;
  private pending = 0;
  private release: () => void = () => undefined;
  /** Only with the test hook: every job waits here until the runner closes. */
  private readonly held: Promise<void> | undefined;

  constructor(
    private readonly onError: (error: unknown) => void,
    hold = false,
  ) {
    this.held = hold ? new Promise<void>((resolve) => (this.release = resolve)) : undefined;
  }

  schedule(work: JobWork): void {
    this.pending += 1;
    this.tail = this.tail
      // After the answer has gone out: the request never waits for the job.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => this.held)
      .then(() => work(() => this.closing))
      .catch(this.onError)
      .finally(() => {
        this.pending -= 1;
      });
  }

  /** Some job is queued or running here (its rows need heartbeats). */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Resolves when every job scheduled so far has finished. */
  idle(): Promise<void> {
    return this.tail;
  }

  /** Stops at the next step: the running job and the queued ones end FAILED, to be asked for again. */
  async close(): Promise<void> {
    this.closing = true;
    this.release();
    await this.tail;
  }
}
