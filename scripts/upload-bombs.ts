// `tsx scripts/upload-bombs.ts`: sends the upload bombs of apps/api/test/upload-bombs.test.ts to a
// running server (`pnpm start`) as the demo secretary and prints, for each, how it was refused,
// whether /api/health answered all along and — when BOMBS_API_PID names the API process on this
// machine — its peak RSS. Options (environment): BOMBS_URL (http://localhost:3000), BOMBS_USER
// (secretary), BOMBS_PASSWORD (the demo password), BOMBS_API_PID.
import { readFile } from 'node:fs/promises';
import {
  nestedSheetBomb,
  notAZip,
  ratioBomb,
  sharedStringsBomb,
  truncatedZip,
  worksheetBomb,
} from '../apps/api/test/helpers/zip-bombs.ts';

/** scripts/start.ts's demo password (importing start.ts would start a server). */
const DEFAULT_DEMO_PASSWORD = 'Dutyboard@2026';

const base = process.env.BOMBS_URL ?? 'http://localhost:3000';
const pid = process.env.BOMBS_API_PID ? Number(process.env.BOMBS_API_PID) : undefined;

async function rssOf(processId: number): Promise<number | null> {
  const status = await readFile(`/proc/${processId}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : null;
}

async function login(): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: process.env.BOMBS_USER ?? 'secretary',
      password: process.env.BOMBS_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

async function send(cookie: string, name: string, bytes: Buffer, fileName = 'bomb.xlsx') {
  let healthy = 0;
  let unhealthy = 0;
  let peak = 0;
  let stop = false;
  const watch = (async () => {
    while (!stop) {
      const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) healthy += 1;
      else unhealthy += 1;
      if (pid) peak = Math.max(peak, (await rssOf(pid)) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  let outcome: string;
  try {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    const res = await fetch(`${base}/api/imports?kind=activities`, { method: 'POST', headers: { cookie }, body: form });
    const body = (await res.json()) as { id?: string; error?: { message: string } };
    if (res.status !== 202 || !body.id) {
      outcome = `${res.status} ${body.error?.message ?? ''}`;
    } else {
      for (;;) {
        const job = (await (await fetch(`${base}/api/imports/${body.id}`, { headers: { cookie } })).json()) as {
          state: string;
          error: string | null;
        };
        if (job.state !== 'VALIDATING' && job.state !== 'COMMITTING') {
          outcome = `${job.state} ${job.error ?? ''}`;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  } finally {
    stop = true;
    await watch;
  }
  const rss = pid ? `, API peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB` : '';
  console.log(`${name} (${(bytes.length / 1024).toFixed(0)} KB): ${outcome}`);
  console.log(`  health ${healthy} ok / ${unhealthy} failed${rss}`);
}

async function main(): Promise<void> {
  const cookie = await login();
  await send(cookie, 'shared-strings bomb', await sharedStringsBomb(300));
  await send(cookie, 'shared-strings bomb, sizes understated', await sharedStringsBomb(300, true));
  await send(cookie, 'worksheet bomb', await worksheetBomb(400));
  await send(cookie, 'worksheet bomb, sizes understated', await worksheetBomb(400, true));
  await send(cookie, 'nested-path sheet', await nestedSheetBomb(200));
  await send(cookie, '10,000:1 part', await ratioBomb(10_000));
  await send(cookie, 'truncated zip', await truncatedZip());
  await send(cookie, 'not a zip, named .xlsx', notAZip());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
