// The sign-ins of the benchmark city (`pnpm bench:seed`), for `pnpm bench` and tests to log in
// with. Every account has the same password; its argon2 hash is computed once per seed run.

export const BENCH_PASSWORD = 'bench-password-2026';

/** LEADER at the city root: reads every org (ROLE_POLICY scope ALL). */
export const BENCH_LEADER = 'bench-leader';

/** AUDITOR at the city root: reads everything, writes nothing. */
export const BENCH_AUDITOR = 'bench-auditor';

/**
 * SECRETARY of street n (1-based, in street code order S001, S002 …). There is no street-scoped
 * leader role: a LEADER reads the whole city, so a street's own reach is a SECRETARY at the street
 * (scope SUBTREE: the street and its branches).
 */
export function streetSecretary(n: number): string {
  return `bench-street-${n}`;
}

/** SECRETARY of branch n (1-based, numbered across the city in org order). */
export function branchSecretary(n: number): string {
  return `bench-sec-${n}`;
}
