import { register } from 'node:module';
import { benchDatabase } from './lib/bench-db';
const file = benchDatabase();
register('data:text/javascript,' + encodeURIComponent(`export async function resolve(s, c, n) { if (/\\.css(\\?url)?$/.test(s)) return { url: 'data:text/javascript,export default ""', shortCircuit: true }; return n(s, c); }`));
process.env.DATABASE_PATH = file;
process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789';
const { getDb } = await import('../db/client');
const sqlite = getDb().$client;
const times = new Map<string, number[]>();
const prepare = sqlite.prepare.bind(sqlite);
sqlite.prepare = ((source: string) => {
  const st = prepare(source);
  for (const m of ['all', 'get', 'run'] as const) {
    const o = (st as any)[m].bind(st);
    Object.defineProperty(st, m, { value: (...a: unknown[]) => { const s = performance.now(); const r = o(...a); const k = source.replace(/\s+/g, ' ').slice(0, 90); (times.get(k) ?? times.set(k, []).get(k)!).push(performance.now() - s); return r; } });
  }
  return st;
}) as typeof sqlite.prepare;
const { createUserSession } = await import('../app/auth.server');
const { getUserByEmail } = await import('../app/models/user.server');
const { loader } = await import('../app/routes/dashboard');
const { clearReadCache } = await import('../app/models/read-cache.server');
const user = getUserByEmail('bench.secretary@bench.bg')!;
const cookie = (await createUserSession(new Request('http://localhost/login'), user.id, '/')).headers.get('Set-Cookie')!.split(';')[0]!;
times.clear();
let total = 0;
for (let i = 0; i < 5; i++) { clearReadCache(); const s = performance.now(); await loader({ request: new Request('http://localhost/dashboard?plan=all', { headers: { Cookie: cookie } }), params: {}, context: {} }); total += performance.now() - s; }
const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
console.log('loader avg', (total / 5).toFixed(1));
for (const [k, v] of [...times].sort((a, b) => med(b[1]) - med(a[1])).slice(0, 12)) console.log(med(v).toFixed(1).padStart(7), v.length, k);
