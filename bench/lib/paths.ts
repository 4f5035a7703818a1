/** Where bench/http.ts builds the app (bench/vite.config.ts): apart from build/, which a running server may be using. */
export const BENCH_BUILD_DIRECTORY = 'data/bench/build';
