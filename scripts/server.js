/**
 * The production server (`npm start` runs it after the database is migrated and, when empty,
 * seeded): the built app (build/server/index.js, or the path given) behind express, as
 * remix-serve runs it (compression, the built client's files, a one-line log per request), in
 * one worker process per CPU core.
 *
 * One Node process renders one page at a time; the workers share the port (node:cluster) and
 * the SQLite file (WAL: readers never wait; writes take the write lock when their transaction
 * begins, see writeTransaction in db/client.ts). A worker that dies is replaced; when none could
 * start at all, the server stops with exit code 1. Only the first worker runs the daily
 * reminders (REMINDERS_AT); the others are started without it.
 *   WEB_CONCURRENCY  the number of workers (default: the CPU cores, at most 8; 1 runs no workers)
 *   PORT, HOST       where to listen (default 3000, every interface)
 *   TRUST_PROXY      whom to believe X-Forwarded-For/-Proto from (express's "trust proxy"): unset, the
 *                    socket's address is the client's; a number of proxies in front (1 for one nginx);
 *                    or their addresses ("loopback", "10.0.0.5"). Never "true": anyone could then
 *                    choose their address and escape login throttling.
 */
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import url from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import morgan from 'morgan';

process.env.NODE_ENV ??= 'production';

const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? '', 10);
const workers = requested > 0 ? requested : Math.min(os.availableParallelism(), 8);
const port = Number(process.env.PORT) || 3000;
const host = process.env.HOST;
const trustProxy = /^\d+$/.test(process.env.TRUST_PROXY ?? '') ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY || false;
if (trustProxy === 'true') throw new Error('TRUST_PROXY=true would believe any client\'s X-Forwarded-For: give the number of proxies (1) or their addresses');

if (cluster.isPrimary && workers > 1) {
  console.log(`[server] ${workers} workers on http://${host ?? 'localhost'}:${port}`);
  let stopping = false;
  let served = false;
  let scheduler = 0;
  /** Starts a worker; the one that runs the reminder schedule keeps REMINDERS_AT. */
  const start = (runsReminders) => {
    const worker = cluster.fork(runsReminders ? {} : { REMINDERS_AT: '' });
    if (runsReminders) scheduler = worker.id;
  };
  cluster.on('listening', () => (served = true));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!served) {
      // No worker could start (no build, a bad database): another would fail the same way.
      console.error(`[server] worker ${worker.process.pid} failed to start (${signal ?? code}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    console.error(`[server] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    start(worker.id === scheduler);
  });
  for (let i = 0; i < workers; i += 1) start(i === 0);
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
} else {
  await serve(path.resolve(process.argv[2] ?? 'build/server/index.js'));
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A form posted from another site is answered 403. Remix itself refuses a mutating request whose
 * Origin is not this host (X-Forwarded-Host or Host) before the app's own check
 * (assertSameOrigin in app/auth.server.ts) runs, but with a 500 and a stack trace in the log;
 * the same comparison here answers first, as a refusal.
 */
function refuseCrossSite(req, res, next) {
  const origin = req.get('Origin');
  if (!MUTATING.has(req.method) || origin === undefined) return next();
  const host = req.get('X-Forwarded-Host')?.split(',')[0]?.trim() || req.get('Host');
  let originHost = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" or not a URL: not this site
  }
  if (originHost && originHost === host) return next();
  res.status(403).type('text/plain').send('Cross-site request refused');
}

async function serve(buildPath) {
  const build = await import(url.pathToFileURL(buildPath).href);
  installGlobals({ nativeFetch: build.future.v3_singleFetch });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(compression());
  // The built client: the hashed assets cached for a year, the files of public/ (copied by the
  // build) for an hour. Only a path with an extension can be a file: pages skip the look-up on disk.
  const clientDirectory = build.assetsBuildDirectory;
  app.use(path.posix.join(build.publicPath, 'assets'), express.static(path.join(clientDirectory, 'assets'), { immutable: true, maxAge: '1y' }));
  const clientFiles = express.static(clientDirectory, { maxAge: '1h', index: false });
  app.use((req, res, next) => (path.extname(req.path) ? clientFiles(req, res, next) : next()));
  app.use(morgan('tiny'));
  app.use(refuseCrossSite);
  // The client's address, for login throttling: the socket's, or X-Forwarded-For's as TRUST_PROXY allows.
  app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req) => ({ clientAddress: req.ip }) }));
  const server = app.listen(port, host, () => {
    console.log(cluster.isWorker ? `[server] worker ${process.pid} ready` : `[server] http://${host ?? 'localhost'}:${port}`);
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
    });
  }
}
