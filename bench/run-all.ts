/**
 * npm run bench: every benchmark in its own child process (a fresh heap and its own peak RSS),
 * one after the other so they do not compete for the CPU, then each one's summary line (its
 * last line of output) together at the end. Exits 1 when a benchmark failed or missed a target.
 *
 *   npm run bench                 all of them
 *   npm run bench -- import http  only those
 * Arguments after `--` that start with `--` go to every benchmark (e.g. --no-build for http).
 */
import { spawn } from 'node:child_process';

const BENCHMARKS = ['import', 'dashboard', 'http', 'export', 'assessment'] as const;

const args = process.argv.slice(2);
const chosen = args.filter((a) => !a.startsWith('--'));
const passed = args.filter((a) => a.startsWith('--'));
const names = chosen.length ? BENCHMARKS.filter((name) => chosen.includes(name)) : [...BENCHMARKS];

function run(name: string): Promise<{ code: number; summary: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...passed], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const lines = chunk.toString().split('\n').filter((line) => line.trim() !== '');
      if (lines.length) last = lines.at(-1)!;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, summary: last.startsWith(`${name}:`) ? last : `${name}: FAILED (exit ${code}) ${last}` }));
  });
}

const summaries: string[] = [];
let failed = false;
for (const name of names) {
  console.log(`\n=== bench/${name}.ts ===`);
  const started = performance.now();
  const { code, summary } = await run(name);
  console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(0)} s, exit ${code})`);
  summaries.push(code === 0 ? summary : `${summary} [target missed or failed: exit ${code}]`);
  if (code !== 0) failed = true;
}
console.log(`\n=== summary ===\n${summaries.join('\n')}`);
if (failed) process.exitCode = 1;
