process.env.DATABASE_PATH = '/tmp/dash/bench.db';
const { getDashboard } = await import('../app/models/dashboard.server');
for (const [planId, asOf] of [[null, '2026-11-23'], [null, '2023-05-10'], [7, '2023-05-10']] as const) {
  const times: number[] = [];
  let d: any;
  for (let i = 0; i < 5; i++) { const t = performance.now(); d = getDashboard({ planId, asOf, today: '2026-11-23' }); times.push(performance.now() - t); }
  console.log(planId, asOf, times.map((x) => x.toFixed(0)).join(' '));
  console.log(JSON.stringify({ f: d.figures, p: d.previousFigures, g: d.groups.slice(0, 2), o: d.owners.slice(0, 3), b: d.burnUp.length, od: d.overdue.total, q: d.quarterEnds, caf: d.caf[1] }).slice(0, 1500));
}
