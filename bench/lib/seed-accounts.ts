// The sign-ins of the benchmark city (`pnpm bench:seed`), for `pnpm bench` and tests to log in
// with. Every account has the same password; its argon2 hash is computed once per seed run. Every
// role reaches the subtree of its home org (ADR 035): the 市's accounts the whole city, a 区's its
// streets and branches, a street's its branches.

export const BENCH_PASSWORD = 'bench-password-2026';

/** LEADER at the city root (市委): reads every org. */
export const BENCH_LEADER = 'bench-leader';

/** AUDITOR at the city root: reads everything, writes nothing. */
export const BENCH_AUDITOR = 'bench-auditor';

/** LEADER of 区 n (1-based, in district code order D01, D02 …): its streets and their branches. */
export function districtLeader(n: number): string {
  return `bench-district-${n}`;
}

/** REVIEWER (督查考核) of 区 n: reads the 区's subtree, writes nothing. */
export function districtReviewer(n: number): string {
  return `bench-reviewer-${n}`;
}

/** LEADER of street (街道 or 乡镇) n (1-based, in street code order S001, S002 …): it and its branches. */
export function streetLeader(n: number): string {
  return `bench-street-leader-${n}`;
}

/** SECRETARY of branch n (1-based, numbered across the city in org order). */
export function branchSecretary(n: number): string {
  return `bench-sec-${n}`;
}
