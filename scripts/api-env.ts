// The environment every API process runs with beside its configuration: the supervisor's children
// (scripts/supervisor.ts) and the bench's bundled API (bench/lib/server.ts) read it here, so what
// the bench measures is what `pnpm start` runs.
//
// glibc raises its mmap threshold each time a large block is freed, after which the parser's and
// V8's big temporary blocks stay in the heap for good, and gives each thread an arena of its own:
// a fixed threshold and two arenas cut ~40 MB resident per API process (ADR 030). An environment
// that sets either wins.
export const API_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_ARENA_MAX: '2',
};
