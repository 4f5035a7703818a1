/** Runs one import attempt with a time limit, sorting the outcome and sampling memory meanwhile. */
import { Worker } from 'node:worker_threads';
import { ImportError } from '../../importers/import-error';

export type Outcome<T> =
  | ({ kind: 'parsed'; value: T } & Measured)
  | ({ kind: 'refused'; error: ImportError } & Measured)
  | ({ kind: 'crashed'; error: unknown } & Measured)
  | ({ kind: 'timeout' } & Measured);

/** Time taken, growth of the resident set over its size at the start, and the longest the event loop was held. */
export type Measured = { ms: number; peakMb: number; blockMs: number };

export const SETTLE_MS = 10_000;
const SAMPLE_MS = 20;

/**
 * The highest resident set size seen since the last reset, in KB, sampled every 5 ms by a
 * worker thread: a synchronous stretch of the main thread (when a peak happens) does not stop it.
 */
const peakKb = new Int32Array(new SharedArrayBuffer(4));
const SAMPLER = `
const { workerData } = require('node:worker_threads');
const peak = workerData;
setInterval(() => { const kb = Math.round(process.memoryUsage.rss() / 1024); if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb); }, 5);
`;

new Worker(SAMPLER, { eval: true, workerData: peakKb }).unref();

/**
 * Waits for the promise, at most `limit` ms. An async hang shows as 'timeout'; an error that
 * is not an ImportError as 'crashed'. peakMb: how far the resident set grew meanwhile
 * (sampled every 5 ms by another thread, so a spike shorter than that may be missed); blockMs:
 * the longest gap between two ticks of a 20 ms timer, less the 20 ms (how long the event loop
 * was held).
 */
export async function settle<T>(run: () => Promise<T>, limit = SETTLE_MS): Promise<Outcome<T>> {
  Atomics.store(peakKb, 0, 0);
  const start = Date.now();
  const baseline = process.memoryUsage.rss();
  let lastTick = start;
  let longestGap = 0;
  const tick = () => {
    const now = Date.now();
    longestGap = Math.max(longestGap, now - lastTick);
    lastTick = now;
  };
  const ticker = setInterval(tick, SAMPLE_MS);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limit);
  });
  try {
    const result = await Promise.race([
      run().then(
        (value) => ({ kind: 'parsed' as const, value }),
        (error: unknown) => (error instanceof ImportError ? { kind: 'refused' as const, error } : { kind: 'crashed' as const, error }),
      ),
      timeout,
    ]);
    tick();
    const peak = Math.max(Atomics.load(peakKb, 0) * 1024, process.memoryUsage.rss());
    const measured = { ms: Date.now() - start, peakMb: Math.max(0, Math.round((peak - baseline) / (1024 * 1024))), blockMs: Math.max(0, longestGap - SAMPLE_MS) };
    return result === 'timeout' ? { kind: 'timeout', ...measured } : { ...result, ...measured };
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
  }
}

/** How the name of a file shows in an ImportError's message (as importers/import-error.ts prints it). */
export function shownName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length <= 120 ? clean : `${clean.slice(0, 89)}…${clean.slice(-30)}`;
}
