/**
 * What a small hostile workbook takes of a server worker, through the real uploads:
 * npx tsx bench/upload-budget.ts [--parallel 4]
 *
 * Starts the built app (npm run build first) as one process (scripts/server.js, WEB_CONCURRENCY=1)
 * on a fresh database with a secretary and a head, signs them in through POST /login, and posts
 * each workbook as the browser's form does (multipart to the route's .data address): the 330
 * sheets of 99,999 empty rows through the plan import (secretary) and the status-report import
 * (head), 9 million tiny shared strings, and one 32,000-character shared string used by 21,000
 * cells (the 54 KB file that crashed the preview) and by 300 cells (under the budget: previewed,
 * its long cells cut). For each it prints the answer's status and size, the time to it, the
 * worker's peak resident memory over its resting size (VmHWM, reset before each upload through
 * /proc/PID/clear_refs), and the longest the worker's event loop was held, seen from outside: the
 * longest wait for a small static file fetched over and over during the upload, less the same
 * file's usual time. --parallel N posts each file N times at once. Prints the worst case last.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { hostileFiles, longStringWorkbook } from '../tests/hostile/generate';
import { freePort, waitForServer } from '../tests/e2e/server-process';

const args = process.argv.slice(2);
const PARALLEL = args.includes('--parallel') ? Number(args[args.indexOf('--parallel') + 1]) : 1;
const PASSWORD = 'bench-upload-password-1';

const status = (pid: number) => fs.readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status(pid))![1]);

const hostile = (id: string) => hostileFiles().find((file) => file.id === id)!.bytes();
const cases: { name: string; route: string; as: 'secretary' | 'head'; bytes: Uint8Array }[] = [
  { name: '330 sheets x 99,999 empty rows', route: '/plans/import', as: 'secretary', bytes: await hostile('budget/330-sheets-of-99999-empty-rows') },
  { name: '330 sheets x 99,999 empty rows', route: '/reports/import', as: 'head', bytes: await hostile('budget/330-sheets-of-99999-empty-rows') },
  { name: '9 million tiny shared strings', route: '/plans/import', as: 'secretary', bytes: await hostile('budget/9-million-tiny-shared-strings') },
  { name: '1 million tiny shared strings', route: '/plans/import', as: 'secretary', bytes: await hostile('budget/1-million-tiny-shared-strings') },
  { name: '32,000-char string in 21,000 cells', route: '/plans/import', as: 'secretary', bytes: longStringWorkbook(21_000) },
  { name: '32,000-char string in 300 cells', route: '/plans/import', as: 'secretary', bytes: longStringWorkbook(300) },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tracker-upload-'));
const databasePath = path.join(dir, 'app.db');
openDatabase(databasePath).$client.close();
for (const role of ['secretary', 'head'] as const) {
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user.ts', 'add', '--email', `${role}@bench.bg`, '--name', role, '--role', role], { input: PASSWORD, env: { ...process.env, DATABASE_PATH: databasePath }, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`user ${role}: ${made.stderr}`);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let output = '';
const server = spawn(process.execPath, ['scripts/server.js', 'build/server/index.js'], {
  detached: true,
  env: { ...process.env, NODE_ENV: 'production', WEB_CONCURRENCY: '1', SEED_DEMO: '0', PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, SESSION_SECRET: 'bench-session-secret-0123456789' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout!.on('data', (chunk) => (output += chunk));
server.stderr!.on('data', (chunk) => (output += chunk));
const pid = server.pid!;

async function signIn(role: string): Promise<string> {
  const response = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { Origin: base }, body: new URLSearchParams({ email: `${role}@bench.bg`, password: PASSWORD }) });
  const cookie = response.headers.get('Set-Cookie');
  if (response.status !== 302 || !cookie) throw new Error(`login as ${role}: ${response.status}`);
  return cookie.split(';')[0]!;
}

/** The time to fetch the small static file once, in ms. */
async function probeOnce(): Promise<number> {
  const started = performance.now();
  await (await fetch(`${base}/favicon.svg`)).arrayBuffer();
  return performance.now() - started;
}

type Row = { name: string; route: string; status: string; bytes: number; ms: number; growthMb: number; blockMs: number };
const rows: Row[] = [];
try {
  await waitForServer(`${base}/login`, server, () => output);
  const cookies = { secretary: await signIn('secretary'), head: await signIn('head') };
  for (const item of cases) {
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let the worker settle to its resting size
    let usual = Infinity;
    for (let i = 0; i < 5; i += 1) usual = Math.min(usual, await probeOnce());
    const resting = kb(pid, 'VmRSS');
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); // VmHWM := VmRSS
    let uploading = true;
    let longest = 0;
    const probing = (async () => {
      while (uploading) longest = Math.max(longest, await probeOnce());
    })();
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        const form = new FormData();
        form.append('file', new File([Buffer.from(item.bytes)], 'plan.xlsx'));
        const response = await fetch(`${base}${item.route}.data`, { method: 'POST', headers: { Origin: base, Cookie: cookies[item.as] }, body: form });
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
      }),
    );
    const ms = performance.now() - started;
    uploading = false;
    await probing;
    rows.push({
      name: `${item.name} (${(item.bytes.length / 1024).toFixed(0)} KB)${PARALLEL > 1 ? ` x${PARALLEL}` : ''}`,
      route: item.route,
      status: answers.map((a) => a.status).join('/'),
      bytes: Math.max(...answers.map((a) => a.bytes)),
      ms: Math.round(ms),
      growthMb: Math.round((kb(pid, 'VmHWM') - resting) / 1024),
      blockMs: Math.max(0, Math.round(longest - usual)),
    });
    const row = rows.at(-1)!;
    console.log(`${row.status.padEnd(7)} ${String(row.bytes).padStart(7)} B answer ${String(row.ms).padStart(6)} ms ${String(row.growthMb).padStart(5)} MB over resting ${String(row.blockMs).padStart(5)} ms block  ${row.route} ${row.name}`);
  }
  const worst = (key: 'ms' | 'growthMb' | 'blockMs') => rows.reduce((a, b) => (b[key] > a[key] ? b : a));
  console.log(
    `upload-budget: worst peak RSS over resting ${worst('growthMb').growthMb} MB (${worst('growthMb').route} ${worst('growthMb').name}), ` +
      `time ${worst('ms').ms} ms (${worst('ms').route} ${worst('ms').name}), longest event-loop block ${worst('blockMs').blockMs} ms (${worst('blockMs').route} ${worst('blockMs').name})`,
  );
} finally {
  process.kill(-pid, 'SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
}
