/**
 * The session secret generated beside the database when SESSION_SECRET is unset: the server's
 * workers all ask for it at once on a fresh data folder; every one must get the same, non-empty
 * secret, and none may fail.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = `
const fs = (await import('node:fs')).default;
const slowMs = Number(process.argv[2]);
if (slowMs > 0) {
  // A slow disk: a file is created at once, its content lands slowMs later (what another process may see meanwhile).
  fs.writeFileSync = (file, data, options) => {
    const fd = fs.openSync(file, options?.flag ?? 'w', options?.mode ?? 0o666);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, slowMs);
    fs.writeSync(fd, data);
    fs.closeSync(fd);
  };
}
const { sessionSecret } = await import('./app/env.server.ts');
const at = Number(process.argv[1]);
while (performance.timeOrigin + performance.now() < at) {}
try { process.stdout.write('ok ' + JSON.stringify(sessionSecret())); } catch (error) { process.stdout.write('error ' + error.message); }
`;

function ask(databasePath: string, at: number, slowMs: number): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: databasePath };
  delete env.SESSION_SECRET;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, String(at), String(slowMs)], { env });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  return new Promise((resolve) => child.on('close', () => resolve(out)));
}

/** Six processes asking at the same moment on a fresh folder, `rounds` times: all get the one secret written, and nothing else is left there. */
async function askTogether(rounds: number, slowMs: number) {
  for (let round = 0; round < rounds; round += 1) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-secret-'));
    const databasePath = path.join(dir, 'data', 'app.db');
    const at = Date.now() + 2500;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => ask(databasePath, slowMs ? at + i * 20 : at, slowMs)));
    const secret = fs.readFileSync(path.join(dir, 'data', 'session-secret'), 'utf8');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(answers).toEqual(answers.map(() => `ok ${JSON.stringify(secret)}`));
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual(['session-secret']);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the generated session secret', () => {
  it('is created once when many processes ask for it at the same moment', async () => {
    await askTogether(6, 0);
  }, 120_000);

  it('is never read empty or half-written, nor created twice, on a disk slow to write it', async () => {
    // Each process asks 20 ms after the one before, while the first one's file is still being written.
    await askTogether(2, 500);
  }, 120_000);
});
