/**
 * The consensus overview of a self-assessment with 20 members who have all scored all 28
 * sub-criteria (fine-tuned: four or two scores each, with 2 evidence, 2 strengths and 2 areas
 * for improvement per sheet): the route loader's time (target <= 100 ms), and for comparison the
 * per-sub-criterion consensus page and the assessment overview. A fresh database in a temporary
 * folder. Run: npx tsx bench/assessment.ts [--rounds 15]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'node:module';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 15;
const MEMBERS = 20;
const TARGET_MS = 100;

// The routes import their stylesheet as '~/styles/x.css?url' (a Vite feature): outside Vite, an empty module.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (/\\.css(\\?url)?$/.test(specifier)) return { url: 'data:text/javascript,export default ""', shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-assessment-'));
process.env.DATABASE_PATH = path.join(dir, 'app.db');
process.env.SESSION_SECRET ??= 'bench-session-secret-0123456789';

const { createUserSession } = await import('../app/auth.server');
const { createUser } = await import('../app/models/user.server');
const { addMember, changeStage, createAssessment } = await import('../app/models/assessment.server');
const { saveSheet } = await import('../app/models/assessment-sheet.server');
const { SUB_CRITERIA, dimensionsOf } = await import('../app/domain/assessment-scoring');
const { loader: overviewLoader } = await import('../app/routes/assessments.$assessmentId.consensus._index');
const { loader: detailLoader } = await import('../app/routes/assessments.$assessmentId.consensus.$code');
const { loader: assessmentLoader } = await import('../app/routes/assessments.$assessmentId._index');

const chair = await createUser({ email: 'chair@bench.bg', name: 'Председател', role: 'secretary', password: 'bench-password-123' });
const id = createAssessment(chair, { title: 'Самооценка (бенчмарк)', period: '2024', scoringSystem: 'fine_tuned' });
const members = [chair];
for (let i = 1; i < MEMBERS; i += 1) {
  const member = await createUser({ email: `member${i}@bench.bg`, name: `Член ${i}`, role: 'assessor', password: 'bench-password-123' });
  addMember(chair, id, member.id);
  members.push(member);
}
changeStage(chair, id, 'scoring');
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (const member of members) {
  for (const sub of SUB_CRITERIA) {
    const scores = Object.fromEntries(dimensionsOf('fine_tuned', sub.code).map((d) => [d, Math.floor(random() * 101)]));
    const item = (kind: string, n: number) => `${kind} ${n} на ${member.name} по ${sub.code}: ${'текст '.repeat(20)}`;
    saveSheet(member, { id, scoringSystem: 'fine_tuned' }, sub.code, member.id, 0, {
      scores,
      items: { evidence: [item('доказателство', 1), item('доказателство', 2)], strength: [item('силна страна', 1), item('силна страна', 2)], improvement: [item('област', 1), item('област', 2)] },
    });
  }
}
changeStage(chair, id, 'consensus');
const cookie = (await createUserSession(new Request('http://localhost/login'), chair.id, '/')).headers.get('Set-Cookie')!.split(';')[0]!;

async function call(loader: (a: never) => unknown, url: string, params: Record<string, string>): Promise<number> {
  const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
  const data = await loader({ request, params, context: {} } as never);
  return JSON.stringify(data).length;
}

const cases = [
  { label: 'consensus overview', run: () => call(overviewLoader, `/assessments/${id}/consensus`, { assessmentId: String(id) }) },
  { label: 'consensus of 2.3', run: () => call(detailLoader, `/assessments/${id}/consensus/2.3`, { assessmentId: String(id), code: '2.3' }) },
  { label: 'assessment overview', run: () => call(assessmentLoader, `/assessments/${id}`, { assessmentId: String(id) }) },
];
const times = new Map<string, number[]>(cases.map((c) => [c.label, []]));
const sizes = new Map<string, number>();
for (const c of cases) sizes.set(c.label, await c.run()); // warm-up
for (let round = 0; round < rounds; round += 1) {
  for (const c of cases) {
    const started = performance.now();
    await c.run();
    times.get(c.label)!.push(performance.now() - started);
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${MEMBERS} members x ${SUB_CRITERIA.length} sub-criteria scored (fine-tuned, 6 items a sheet); ${rounds} rounds`);
for (const [label, values] of times) {
  console.log(`  ${label.padEnd(20)} median ${median(values).toFixed(1).padStart(6)} ms   max ${Math.max(...values).toFixed(1).padStart(6)} ms   data ${(sizes.get(label)! / 1024).toFixed(0)} KB`);
}
fs.rmSync(dir, { recursive: true, force: true });
const overview = median(times.get('consensus overview')!);
console.log(`assessment: consensus overview loader ${overview.toFixed(1)} ms with ${MEMBERS} members x 28 scored (target <= ${TARGET_MS} ms)`);
if (overview > TARGET_MS) process.exit(1);
