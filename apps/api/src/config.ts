// Server configuration, parsed once at start-up. A bad value stops the process with one sentence
// that names the variable and says what is expected.
import { ALERT_REPORT_HOURS_DEFAULT, type AlertReportHours } from '@dutyboard/contracts/risk-alerts';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Idle minutes after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Hours after sign-in after which a session ends however active it is. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * Served over HTTPS (directly or behind a TLS proxy): the session cookie gets the Secure flag
   * and responses carry Strict-Transport-Security.
   */
  COOKIE_SECURE: bool.default(false),
  /**
   * Origins besides the server's own (its Host) that may send unsafe requests, comma-separated,
   * e.g. "https://dutyboard.example.gov.cn" when a proxy rewrites Host. Empty: own origin only.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o))),
  /** Failed sign-ins of one username within the window after which it is refused (ASVS 2.2.1). */
  LOGIN_THROTTLE_ACCOUNT_MAX: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed sign-ins from one IP address within the window after which it is refused. */
  LOGIN_THROTTLE_IP_MAX: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Length of the sign-in throttling window, in minutes. */
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Largest accepted JSON body, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(256 * 1024),
  /** Folder of the built web app to serve; empty serves the API only. */
  WEB_DIST: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the files this server keeps (attachments under <DATA_DIR>/files). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Database pool size of this process. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Background jobs (ADR 021): a process whose heartbeat is older than this is taken for dead and
   * any other process fails its queued and running jobs; it beats every sixth of it.
   */
  JOB_STALE_MS: z.coerce.number().int().min(600).max(3_600_000).default(30_000),
  /** Test hook only: background jobs wait, queued, until the process stops (two-process test). */
  JOB_HOLD_FOR_TESTS: bool.default(false),
  /** 舆情 reporting clock in hours for levels 一级..四级, e.g. "1,5,24,48" (natural hours). */
  ALERT_REPORT_HOURS: z
    .string()
    .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3}){3}\s*$/)
    .transform((v) => v.split(',').map(Number) as [number, number, number, number])
    .refine((h) => h.every((n, i) => n >= 1 && n <= 720 && n >= (h[i - 1] ?? 1)))
    .transform(([l1, l2, l3, l4]): AlertReportHours => ({ LEVEL_1: l1, LEVEL_2: l2, LEVEL_3: l3, LEVEL_4: l4 }))
    .default(ALERT_REPORT_HOURS_DEFAULT),
});
export type Config = z.infer<typeof ConfigSchema>;

/** What each variable must be, for the one-sentence error (zod's own wording is localised). */
const EXPECTED: Record<keyof Config, string> = {
  DATABASE_URL: 'a postgresql:// connection string',
  PORT: 'a port number from 0 to 65535',
  HOST: 'an address to listen on, e.g. 127.0.0.1 or 0.0.0.0',
  SESSION_IDLE_MINUTES: 'a whole number of minutes from 1 to 1440',
  SESSION_ABSOLUTE_HOURS: 'a whole number of hours from 1 to 720',
  COOKIE_SECURE: 'true or false',
  ALLOWED_ORIGINS: 'comma-separated origins such as https://dutyboard.example.gov.cn (scheme and host, no path)',
  LOGIN_THROTTLE_ACCOUNT_MAX: 'a whole number from 1 to 1000',
  LOGIN_THROTTLE_IP_MAX: 'a whole number from 1 to 10000',
  LOGIN_THROTTLE_WINDOW_MINUTES: 'a whole number of minutes from 1 to 1440',
  BODY_LIMIT_BYTES: 'a whole number of bytes from 1024 to 52428800',
  WEB_DIST: 'a folder path',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  DB_POOL_MAX: 'a whole number from 1 to 100',
  ALERT_REPORT_HOURS:
    'four comma-separated whole numbers of hours from 1 to 720, for levels 1 to 4 and not decreasing (e.g. "1,5,24,48")',
  DATA_DIR: 'a folder path',
  JOB_STALE_MS: 'a whole number of milliseconds from 600 to 3600000',
  JOB_HOLD_FOR_TESTS: 'true or false (a test hook: leave unset)',
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const name = String(result.error.issues[0]?.path[0] ?? 'configuration') as keyof Config;
  const value = env[name];
  if (value === undefined) throw new ConfigError(`Configuration error: ${name} is required (${EXPECTED[name]}).`);
  // The database URL may hold a password: never echo it.
  const shown = name === 'DATABASE_URL' ? '' : ` (got ${JSON.stringify(value)})`;
  throw new ConfigError(`Configuration error: ${name} must be ${EXPECTED[name]}${shown}.`);
}
