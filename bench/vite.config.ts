/**
 * The app's Vite build, written to data/bench/build instead of build/ so that benchmarking
 * never replaces the build a running server (or a browser test) is using.
 * Used by bench/http.ts: remix vite:build --config bench/vite.config.ts
 */
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';
import remixConfig from '../remix.config.js';

import { BENCH_BUILD_DIRECTORY } from './lib/paths';

export default defineConfig({
  plugins: [remix({ ...remixConfig, buildDirectory: BENCH_BUILD_DIRECTORY }), tsconfigPaths()],
});
