import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../emulator/index.js';

const ASSUME = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const start = (stateDir: string) => startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
const iam = (cloud: LocalCloud) =>
  new IAMClient({ endpoint: cloud.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

/** Mounts a small tmpfs (needs root and CAP_SYS_ADMIN); undefined where mounting is not permitted. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function fill(dir: string): void {
  const chunk = Buffer.alloc(4096, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk);
    } catch {
      return;
    }
  }
}

function freeSpace(dir: string): void {
  for (const name of readdirSync(dir)) if (name.startsWith('filler-')) rmSync(join(dir, name));
}

/** The state directory on a path that cannot be written: a clear error at start, never silent loss. */
describe('the state directory on a broken disk', { timeout: 120_000 }, () => {
  let root: string;
  const mounts: string[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'state-dir-'));
  });
  afterAll(() => {
    for (const mount of mounts) execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  });

  function tmpfs(name: string, size: string): string | undefined {
    const dir = join(root, name);
    mkdirSync(dir);
    if (!mountTmpfs(dir, size)) return undefined;
    mounts.push(dir);
    return dir;
  }

  it('refuses to start under a regular file, naming the directory and the cause', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(start(join(file, 'state'))).rejects.toThrow(/state directory .*a-file\/state cannot be written \(ENOTDIR/);
  });

  it('refuses to start when the state directory is a file', async () => {
    const file = join(root, 'state-file');
    writeFileSync(file, 'x');
    await expect(start(file)).rejects.toThrow(/state directory .*state-file is a file, not a directory/);
  });

  it('refuses to start on a read-only disk that holds earlier state', async (ctx) => {
    const disk = tmpfs('read-only', '4m');
    if (!disk) return ctx.skip();
    const stateDir = join(disk, 'state');
    const cloud = await start(stateDir);
    await iam(cloud).send(new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: ASSUME }));
    await cloud.close();
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    await expect(start(stateDir)).rejects.toThrow(/state directory .* cannot be written \(EROFS/);
    execFileSync('mount', ['-o', 'remount,rw', disk]);
    const again = await start(stateDir);
    expect((await iam(again).send(new GetRoleCommand({ RoleName: 'kept' }))).Role?.RoleName).toBe('kept');
    await again.close();
  });

  it('refuses to start on a full disk', async (ctx) => {
    const disk = tmpfs('full', '256k');
    if (!disk) return ctx.skip();
    fill(disk);
    await expect(start(join(disk, 'state'))).rejects.toThrow(/state directory .* (cannot be written \(ENOSPC|has only \d+ kB free)/);
  });

  it('refuses to start with too little space left to work', async (ctx) => {
    const disk = tmpfs('nearly-full', '512k');
    if (!disk) return ctx.skip();
    await expect(start(join(disk, 'state'))).rejects.toThrow(/state directory .* has only \d+ kB free/);
  });

  it('answers an error, keeps earlier state and leaves no partial file when the disk fills up while running', async (ctx) => {
    const disk = tmpfs('fills-up', '8m');
    if (!disk) return ctx.skip();
    const stateDir = join(disk, 'state');
    const cloud = await start(stateDir);
    try {
      const client = iam(cloud);
      await client.send(new CreateRoleCommand({ RoleName: 'before', AssumeRolePolicyDocument: ASSUME }));
      fill(disk);
      const failed = await client.send(new CreateRoleCommand({ RoleName: 'while-full', AssumeRolePolicyDocument: ASSUME })).catch((e) => e);
      expect(failed).toBeInstanceOf(Error);
      expect(failed.$metadata.httpStatusCode).toBeGreaterThanOrEqual(500);
      expect(failed.message).toMatch(/state directory .* could not be written .*ENOSPC.*not saved/);
      expect((await fetch(`${cloud.url}/_emulator/health`)).status).toBe(200);
      freeSpace(disk);
      await client.send(new CreateRoleCommand({ RoleName: 'after', AssumeRolePolicyDocument: ASSUME }));
    } finally {
      await cloud.close();
    }
    const files = readdirSync(stateDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.filter((e) => e.name.includes('.tmp-')).map((e) => e.name)).toEqual([]);
    for (const file of files.filter((e) => e.name.endsWith('.json'))) JSON.parse(readFileSync(join(file.parentPath, file.name), 'utf8'));
    const again = await start(stateDir);
    try {
      const client = iam(again);
      for (const name of ['before', 'after']) expect((await client.send(new GetRoleCommand({ RoleName: name }))).Role?.RoleName).toBe(name);
      await expect(client.send(new GetRoleCommand({ RoleName: 'while-full' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    } finally {
      await again.close();
    }
  });
});
