/** Runs one import attempt with a time limit, sorting the outcome and sampling memory meanwhile. */
import { ImportError } from '../../importers/import-error';

export type Outcome<T> =
  | { kind: 'parsed'; value: T; ms: number; peakMb: number }
  | { kind: 'refused'; error: ImportError; ms: number; peakMb: number }
  | { kind: 'crashed'; error: unknown; ms: number; peakMb: number }
  | { kind: 'timeout'; ms: number; peakMb: number };

export const SETTLE_MS = 10_000;

/**
 * Waits for the promise, at most `limit` ms. An async hang shows as 'timeout'; an error that
 * is not an ImportError as 'crashed'. peakMb: how far the resident set grew meanwhile
 * (sampled every 20 ms, so a spike shorter than that may be missed).
 */
export async function settle<T>(run: () => Promise<T>, limit = SETTLE_MS): Promise<Outcome<T>> {
  const start = Date.now();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
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
    peak = Math.max(peak, process.memoryUsage.rss());
    const measured = { ms: Date.now() - start, peakMb: Math.round((peak - baseline) / (1024 * 1024)) };
    return result === 'timeout' ? { kind: 'timeout', ...measured } : { ...result, ...measured };
  } finally {
    clearInterval(sampler);
    clearTimeout(timer);
  }
}

/** How the name of a file shows in an ImportError's message (as importers/import-error.ts prints it). */
export function shownName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
  return clean.length <= 120 ? clean : `${clean.slice(0, 89)}…${clean.slice(-30)}`;
}
