/**
 * HTTP load on the built app over loopback, with autocannon: npx tsx bench/http.ts [--no-build] [--duration 20]
 *
 * - builds the app (remix vite:build --config bench/vite.config.ts, into data/bench/build so a
 *   running dev or test server's build/ is left alone); --no-build reuses that build;
 * - copies the generated organization (bench/lib/bench-db.ts: 200 plans, 50,000 activities,
 *   250,000 status updates) to a temporary file and gives its users a known password;
 * - starts the production server on it (scripts/server.js, as `npm start` does: one worker per
 *   core unless WEB_CONCURRENCY says otherwise; NODE_ENV=production, SEED_DEMO=0, a free port on
 *   127.0.0.1) in its own process group, and logs in the secretary and the 20 heads through POST /login;
 * - 20 connections for 20 s each on: the dashboard of one plan, the all-plans dashboard, the
 *   plan page of a plan of 250 activities (its first page of 50), as the secretary;
 * - status updates from the 20 heads at once, each connection its own head posting the quick
 *   update of /my (intent=status, no expectedVersion) on activities of its owner, as the
 *   browser's fetcher does (POST /my.data, same-origin Origin): a fixed number of posts, then
 *   the stored updates are counted: they must equal the 2xx responses.
 * Options: --only <case prefix> (dashboard, plan, status) runs only those; --cpu-prof <dir> writes the
 * server's CPU profile there when it stops (node --cpu-prof).
 * Targets: p99 <= 250 ms at 20 connections (dashboard of one plan, plan page); >= 300 status
 * updates/s with none lost. Prints `http: ...` last; exits 1 when a target is missed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { hashPassword } from '../app/models/password.server';
import { benchDatabase } from './lib/bench-db';
import { BENCH_BUILD_DIRECTORY } from './lib/paths';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const DURATION = option('--duration', 20);
const CONNECTIONS = 20;
const POSTS = option('--posts', 8000);
const PASSWORD = 'bench-password-2024';
const P99_TARGET_MS = 250;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1]! : '';
const CPU_PROF = args.includes('--cpu-prof') ? path.resolve(args[args.indexOf('--cpu-prof') + 1]!) : null;
const wanted = (label: string) => label.startsWith(ONLY);
const UPDATES_PER_SECOND_TARGET = 300;

type Run = { label: string; result: autocannon.Result; serverCpu: number };

let serverPid = 0;
/** The server's processes (the primary and its workers: its process group) and the CPU seconds they have used (Linux /proc). */
function serverProcesses(): { count: number; cpuSeconds: number } {
  let count = 0;
  let ticks = 0;
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)) : []) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[2]) !== serverPid) continue; // pgrp
      count += 1;
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks of 1/100 s
    } catch {
      // gone meanwhile
    }
  }
  return { count, cpuSeconds: ticks / 100 };
}

/** Runs autocannon and notes the share of one core the server used meanwhile. */
async function measured(label: string, options: autocannon.Options): Promise<Run> {
  const cpu = serverProcesses().cpuSeconds;
  const result = await load(options);
  return { label, result, serverCpu: (serverProcesses().cpuSeconds - cpu) / (result.duration || 1) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function build(): void {
  if (args.includes('--no-build') && fs.existsSync(path.join(BENCH_BUILD_DIRECTORY, 'server/index.js'))) return;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'vite:build', '--config', 'bench/vite.config.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
  console.log(`built the app into ${BENCH_BUILD_DIRECTORY} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** A copy of the generated organization in which every user's password is PASSWORD. */
async function prepareDatabase(dir: string): Promise<string> {
  const source = benchDatabase();
  const file = path.join(dir, 'http.db');
  const from = new Database(source, { readonly: true });
  await from.backup(file);
  from.close();
  const db = new Database(file);
  db.prepare('update users set password_hash = ?').run(await hashPassword(PASSWORD));
  db.close();
  return file;
}

/** One request on its own connection (no keep-alive pool holding the server open at the end). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function startServer(databaseFile: string, port: number, log: string): Promise<ChildProcess> {
  const out = fs.openSync(log, 'a');
  const profile = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : [];
  const server = spawn(process.execPath, [...profile, 'scripts/server.js', path.join(BENCH_BUILD_DIRECTORY, 'server/index.js')], {
    detached: true, // its own process group: killed as a group at the end
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: databaseFile,
      SEED_DEMO: '0',
      SESSION_SECRET: 'bench-http-session-secret-0123456789',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${log}`);
    try {
      const response = await request(`http://127.0.0.1:${port}/login`);
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within 60 s; see ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

async function login(base: string, email: string): Promise<string> {
  const response = await request(`${base}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: '/' }).toString(),
  });
  const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`login as ${email} failed: ${response.status}`);
  return cookie;
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function getLoad(label: string, url: string, cookie: string): Promise<Run> {
  const headers = { Cookie: cookie };
  await load({ url, connections: 4, duration: 2, headers }); // warm-up
  return measured(label, { url, connections: CONNECTIONS, duration: DURATION, headers });
}

const line = ({ label, result, serverCpu }: Run) =>
  `${label} ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
  `errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}, server CPU ${Math.round(serverCpu * 100)}%`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-http-'));
  let server: ChildProcess | null = null;
  try {
    build();
    const databaseFile = await prepareDatabase(dir);
    const db = new Database(databaseFile, { readonly: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(databaseFile, port, path.join(dir, 'server.log'));
    serverPid = server.pid!;
    const setup = `${serverProcesses().count - 1 || 1} server workers, ${os.availableParallelism()} cores shared with autocannon`;
    console.log(`server on ${base} (pid ${server.pid}; ${setup}), database ${databaseFile}`);

    const secretary = db.prepare(`select email from users where role = 'secretary' order by id limit 1`).pluck().get() as string;
    const heads = db
      .prepare(
        `select u.id, u.email, uo.owner_id as ownerId from users u join user_owners uo on uo.user_id = u.id
         where u.role = 'head' and u.disabled = 0 order by u.id limit ?`,
      )
      .all(CONNECTIONS) as { id: number; email: string; ownerId: number }[];
    if (heads.length < CONNECTIONS) throw new Error(`only ${heads.length} heads in the generated data; ${CONNECTIONS} needed`);
    const plan = db.prepare('select min(id) from plans').pluck().get() as number;
    const planActivities = db.prepare('select count(*) from activities where plan_id = ? and archived = 0').pluck().get(plan) as number;

    const secretaryCookie = await login(base, secretary);
    const headCookies: string[] = [];
    for (const head of heads) headCookies.push(await login(base, head.email));

    const runs: Run[] = [];
    const pages = [
      { label: 'dashboard (one plan)', url: `${base}/dashboard?plan=${plan}` },
      { label: 'dashboard (all plans)', url: `${base}/dashboard?plan=all` },
      { label: `plan page (50 of ${planActivities} activities)`, url: `${base}/plans/${plan}` },
    ];
    for (const page of pages.filter((p) => wanted(p.label))) {
      runs.push(await getLoad(page.label, page.url, secretaryCookie));
      console.log(line(runs.at(-1)!));
    }
    if (!wanted('status')) {
      console.log(`http: ${setup}; ${runs.map(line).join('; ')}`);
      return;
    }

    // Status updates: connection i is head i, cycling over up to 50 activities of its owner.
    const ownActivities = db.prepare(
      `select ao.activity_id from activity_owners ao join activities a on a.id = ao.activity_id
       where ao.owner_id = ? and a.archived = 0 order by ao.activity_id limit 50`,
    );
    const requestsOf = heads.map((head, i) =>
      (ownActivities.pluck().all(head.ownerId) as number[]).map((activityId, k) => ({
        method: 'POST' as const,
        path: '/my.data',
        headers: { Cookie: headCookies[i]!, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          intent: 'status',
          activityId: String(activityId),
          status: 'in_progress',
          percent: String((k * 7) % 100),
          comment: `Бенчмарк: отчет на ${head.email}`,
        }).toString(),
      })),
    );
    const countUpdates = db.prepare('select count(*) from status_updates').pluck();
    const before = countUpdates.get() as number;
    let next = 0;
    const postRun = await measured(`status updates (${CONNECTIONS} heads)`, {
      url: base,
      connections: CONNECTIONS,
      amount: POSTS,
      setupClient: (client) => client.setRequests(requestsOf[next++ % requestsOf.length]!),
    });
    const posts = postRun.result;
    const stored = (countUpdates.get() as number) - before;
    const perSecond = posts['2xx'] / (posts.duration || 1);
    const answered = posts['2xx'] + posts.non2xx + posts.errors + posts.timeouts;
    console.log(`${line(postRun)}; ${posts['2xx']} accepted in ${posts.duration.toFixed(1)} s (${Math.round(perSecond)}/s), ${stored} stored, ${answered} of ${POSTS} answered`);
    db.close();

    const lost = posts['2xx'] - stored;
    const missed = [
      ...runs
        .filter((run) => !run.label.startsWith('dashboard (all'))
        .filter((run) => run.result.latency.p99 > P99_TARGET_MS)
        .map((run) => `${run.label} p99 ${run.result.latency.p99} ms > ${P99_TARGET_MS} ms`),
      ...runs.filter((run) => run.result.non2xx + run.result.errors > 0).map((run) => `${run.label} had failed requests`),
      ...(perSecond < UPDATES_PER_SECOND_TARGET ? [`status updates ${Math.round(perSecond)}/s < ${UPDATES_PER_SECOND_TARGET}/s`] : []),
      ...(lost !== 0 || posts.non2xx + posts.errors + posts.timeouts > 0 ? [`status updates: ${posts['2xx']} accepted, ${stored} stored, ${posts.non2xx} non-2xx, ${posts.errors} errors`] : []),
    ];
    if (missed.length) {
      console.error(`http misses its targets: ${missed.join('; ')}`);
      process.exitCode = 1;
    }
    const summary = [
      ...runs.map(line),
      `status updates ${Math.round(perSecond)}/s at ${CONNECTIONS} heads, p50 ${posts.latency.p50} ms, p99 ${posts.latency.p99} ms, ` +
        `${posts['2xx']} accepted = ${stored} stored${lost === 0 ? ' (none lost)' : ` (${lost} LOST)`}, non-2xx ${posts.non2xx}, errors ${posts.errors + posts.timeouts}, ` +
        `server CPU ${Math.round(postRun.serverCpu * 100)}%`,
    ];
    console.log(`http: ${setup}; ${summary.join('; ')}`);
  } finally {
    if (server) await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
