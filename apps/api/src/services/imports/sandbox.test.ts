import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_DIR_PREFIX, sweepSandboxFolders } from './sandbox.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sandbox-sweep-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('sweepSandboxFolders', () => {
  it('removes folders of dead processes and of this one, keeps those of live processes and anything else', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const names = [
      `${SANDBOX_DIR_PREFIX}${dead}-job-aaa`,
      `${SANDBOX_DIR_PREFIX}${process.pid}-job-bbb`,
      `${SANDBOX_DIR_PREFIX}${process.ppid}-job-ccc`,
      `${SANDBOX_DIR_PREFIX}garbage`,
      'someone-else',
    ];
    for (const name of names) await mkdir(path.join(root, name, 'inner'), { recursive: true });
    expect(await sweepSandboxFolders(root)).toBe(3);
    expect((await readdir(root)).sort()).toEqual([`${SANDBOX_DIR_PREFIX}${process.ppid}-job-ccc`, 'someone-else']);
    // Even a live process's folder goes once it is older than any pass may last.
    expect(await sweepSandboxFolders(root, -1)).toBe(1);
    expect(await readdir(root)).toEqual(['someone-else']);
  });

  it('answers 0 for a folder that does not exist', async () => {
    expect(await sweepSandboxFolders(path.join(root, 'missing'))).toBe(0);
  });
});
