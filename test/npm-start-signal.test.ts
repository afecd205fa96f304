/**
 * The documented stop works: SIGTERM to `npm start` reaches the server (npm's script execs node,
 * so no shell sits between them), which shuts down and releases the embedded database's lock.
 * Before the fix, node kept running with the lock and the next start was refused. On the way,
 * /readyz reports the job workers running.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../src/platform/db/pglite.js';

describe('npm start', () => {
  it('stops on SIGTERM to npm and leaves the database free for the next start', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'carepath-npm-start-')), 'pglite');
    const npm = spawn('npm', ['start'], {
      env: { ...process.env, PORT: '0', PGLITE_DIR: dir, JOBS: 'true', LOG_LEVEL: 'info', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
      npm.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Carepath is running')) {
          clearTimeout(timer);
          resolve();
        }
      });
      npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });
    // Running with its job workers up: ready.
    const url = /"url":"(http:[^"]+)"/.exec(output)![1]!;
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'ready', jobs: 'running' });
    // 'close': npm has exited, and so has the server that held its output open.
    const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
    npm.kill('SIGTERM');
    await closed;
    // The server said goodbye, and its lock is gone: the database opens again at once.
    expect(output).toContain('shutting down');
    const db = await openPglite(dir);
    await db.close();
  }, 90_000);
});
