/**
 * The production server (scripts/server.js) itself: its worker processes, the one that runs the
 * reminder schedule, a worker replaced after a crash, and a server that cannot start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { freePort, waitForServer } from './server-process';

type Started = { server: ChildProcess; base: string; output: () => string };

const started: { server: ChildProcess; dir: string }[] = [];
afterEach(() => {
  for (const { server, dir } of started.splice(0)) {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** scripts/server.js on a fresh, migrated database (npm start migrates before it starts the server). */
async function startServer(env: Record<string, string>, build = 'build/server/index.js'): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-server-'));
  const databasePath = path.join(dir, 'app.db');
  openDatabase(databasePath).$client.close();
  const port = await freePort();
  let output = '';
  const server = spawn(process.execPath, ['scripts/server.js', build], {
    detached: true,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, SESSION_SECRET: 'server-test-secret-0123456789', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ server, dir });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  return { server, base: `http://127.0.0.1:${port}`, output: () => output };
}

/** The worker processes of a server (its children), with whether each runs the reminder schedule. */
function workers(server: ChildProcess): { pid: number; reminders: boolean }[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const parent = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
        if (parent !== server.pid) return [];
        const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        return [{ pid: Number(pid), reminders: env.includes('REMINDERS_AT=07:00') }];
      } catch {
        return [];
      }
    });
}

async function until<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const countOf = (text: string, line: string | RegExp) => text.split('\n').filter((l) => (typeof line === 'string' ? l.includes(line) : line.test(l))).length;
/** Workers that have started listening: each says so once. */
const READY = /^\[server\] worker \d+ ready$/;

describe('the production server', () => {
  it('runs WEB_CONCURRENCY workers, only the first with the reminder schedule, and replaces one that dies', async () => {
    const { server, base, output } = await startServer({ WEB_CONCURRENCY: '3', REMINDERS_AT: '07:00' });
    await waitForServer(`${base}/login`, server, output);
    expect(output()).toContain('[server] 3 workers');
    // Every worker listening.
    await until(output, (text) => countOf(text, READY) === 3);
    const first = workers(server);
    expect(first).toHaveLength(3);
    expect(first.map((w) => w.reminders).filter(Boolean)).toHaveLength(1);
    await until(output, (text) => countOf(text, '[reminders] daily at 07:00') === 1);
    expect(countOf(output(), '[reminders] daily at 07:00')).toBe(1);

    // The worker with the schedule crashes: another takes its place, schedule included.
    const scheduler = first.find((w) => w.reminders)!;
    process.kill(scheduler.pid, 'SIGKILL');
    await until(output, (text) => countOf(text, READY) === 4);
    const after = workers(server);
    expect(after).toHaveLength(3);
    expect(after.map((w) => w.pid)).not.toContain(scheduler.pid);
    expect(after.filter((w) => w.reminders)).toHaveLength(1);
    expect(output()).toContain(`worker ${scheduler.pid} stopped (SIGKILL); starting another`);
    for (let i = 0; i < 6; i += 1) expect((await fetch(`${base}/login`)).status).toBe(200);
  });

  it('starts with `npm start` on a fresh data folder, 10 times in a row, 4 workers creating one session secret', async () => {
    for (let run = 0; run < 10; run += 1) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-fresh-'));
      const data = path.join(dir, 'data');
      const port = await freePort();
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: '4', SEED_DEMO: '0', DATABASE_PATH: path.join(data, 'app.db') };
      delete env.SESSION_SECRET;
      let output = '';
      const server = spawn('npm', ['start'], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
      started.push({ server, dir });
      server.stdout!.on('data', (chunk) => (output += chunk));
      server.stderr!.on('data', (chunk) => (output += chunk));
      await waitForServer(`http://127.0.0.1:${port}/login`, server, () => output);
      await until(() => output, (text) => countOf(text, READY) === 4 || server.exitCode !== null);
      expect(countOf(output, READY), output).toBe(4);
      expect(output).not.toMatch(/failed to start|stopped/);
      expect(fs.readFileSync(path.join(data, 'session-secret'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
      expect(fs.readdirSync(data).filter((name) => name.includes('session-secret'))).toEqual(['session-secret']);
      for (let i = 0; i < 8; i += 1) expect((await fetch(`http://127.0.0.1:${port}/login`)).status).toBe(200);
      process.kill(-server.pid!, 'SIGKILL');
    }
  }, 300_000);

  it('refuses cross-site posts with 403 (no 500, no stack trace), sends HSTS over HTTPS and keeps pages and data out of caches', async () => {
    const { server, base, output } = await startServer({ WEB_CONCURRENCY: '1' });
    await waitForServer(`${base}/login`, server, output);
    const form = { method: 'POST', body: new URLSearchParams({ email: 'a@b.bg', password: 'x' }), redirect: 'manual' } as const;
    for (const origin of ['https://evil.example', 'null', 'garbage']) {
      for (const path of ['/login', '/login.data', '/plans/1']) {
        const response = await fetch(`${base}${path}`, { ...form, headers: { Origin: origin } });
        expect(response.status, `${origin} ${path}`).toBe(403);
      }
    }
    expect((await fetch(`${base}/login`, { ...form, headers: { Origin: base } })).status).toBe(400);
    expect(output()).not.toMatch(/Error:|\n\s+at /);

    const plain = await fetch(`${base}/login`);
    expect(plain.headers.get('Strict-Transport-Security')).toBeNull();
    expect(plain.headers.get('Cache-Control')).toBe('private, no-store');
    const proxied = await fetch(`${base}/login`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(proxied.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d{7,}/);
    const data = await fetch(`${base}/login.data`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(data.status).toBe(200);
    expect(data.headers.get('Cache-Control')).toBe('private, no-store');
    expect(data.headers.get('Strict-Transport-Security')).toMatch(/^max-age=/);
  });

  it('stops with an error, instead of starting workers over and over, when they cannot start', async () => {
    const { server, output } = await startServer({ WEB_CONCURRENCY: '2' }, 'build/server/missing.js');
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    expect(code).toBe(1);
    expect(output()).toMatch(/worker \d+ failed to start/);
  });
});
