/**
 * Each browser test file gets its own app: the built server (npm run build first) on a free
 * port with a fresh database and the demo loaded, its whole process group stopped afterwards.
 * Files therefore never see each other's changes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freePort, waitForServer } from './server-process';

let server: ChildProcess | undefined;
let dir: string | undefined;

beforeAll(async () => {
  if (!fs.existsSync('build/server/index.js')) throw new Error('Run `npm run build` before the browser tests.');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-e2e-'));
  const port = await freePort();
  let output = '';
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn('npm', ['start'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: path.join(dir, 'app.db'),
      UPLOADS_DIR: path.join(dir, 'uploads'),
      SESSION_SECRET: 'e2e-session-secret-0123456789',
      SEED_DEMO: '1',
      NODE_ENV: 'production',
      APP_URL: baseUrl, // the app's public address, as a deployment sets it (links in calendar feeds and e-mails)
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await waitForServer(`${baseUrl}/login`, server, () => output);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATABASE_PATH = path.join(dir, 'app.db');
});

afterAll(() => {
  try {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});
