/**
 * Memory of a server process under huge request bodies: npx tsx bench/request-body.ts [--mb 500] [--path /login] [--parallel 4]
 *
 * Starts the built app (npm run build first) as one process (scripts/server.js, WEB_CONCURRENCY=1)
 * on a fresh database, sends --parallel POSTs at once (1 unless told), each with a chunked
 * url-encoded body of --mb megabytes and no Content-Length (as `curl -H 'Transfer-Encoding:
 * chunked'` does), and prints the server's peak resident memory (VmHWM) before and after, with
 * each answer's status and how much of its body was sent before it came.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForServer } from '../tests/e2e/server-process';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const MEGABYTES = Number(option('--mb', '500'));
const TARGET = option('--path', '/login');
const PARALLEL = Number(option('--parallel', '1'));

const peakMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-body-'));
const port = await freePort();
let output = '';
const server = spawn(process.execPath, ['scripts/server.js', 'build/server/index.js'], {
  detached: true,
  env: { ...process.env, NODE_ENV: 'production', WEB_CONCURRENCY: '1', SEED_DEMO: '0', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: path.join(dir, 'app.db'), SESSION_SECRET: 'bench-session-secret-0123456789' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout!.on('data', (chunk) => (output += chunk));
server.stderr!.on('data', (chunk) => (output += chunk));
try {
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(`${base}/login`, server, () => output);
  const before = peakMb(server.pid!);
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  /** One POST: its answer's status (or the connection's error) and the megabytes sent before it. */
  const send = () =>
    new Promise<{ status: number | string; sent: number }>((resolve) => {
      let sent = 0;
      const request = http.request(`${base}${TARGET}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, 'Transfer-Encoding': 'chunked' },
      });
      let answered = false;
      request.on('response', (response) => {
        answered = true;
        response.resume();
        resolve({ status: response.statusCode!, sent });
      });
      request.on('error', (error) => resolve({ status: `${(error as NodeJS.ErrnoException).code ?? error.message}`, sent }));
      const write = () => {
        while (!answered && sent < MEGABYTES) {
          sent += 1;
          if (!request.write(sent === 1 ? Buffer.concat([Buffer.from('email='), chunk]) : chunk)) return void request.once('drain', write);
        }
        if (!answered) request.end();
      };
      write();
    });
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: PARALLEL }, send));
  const ms = performance.now() - started;
  const after = peakMb(server.pid!);
  const said = answers.map((a) => `${a.status} after ${a.sent} MB sent`).join(', ');
  console.log(`request-body: ${PARALLEL} x POST ${TARGET} of ${MEGABYTES} MB chunked at once -> ${said} in ${ms.toFixed(0)} ms; server peak RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after`);
} finally {
  process.kill(-server.pid!, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
}
