/**
 * The CAF self-assessment through its routes: the chair names the group, members score alone
 * (and only their own sheets, never overwriting a newer save unseen), the chair opens consensus,
 * records it and approves; who may read what in each stage; every change in the audit log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { listAuditEvents } from '~/models/audit.server';
import { loader as listLoader } from '~/routes/assessments._index';
import { action as newAction } from '~/routes/assessments.new';
import { action as overviewAction, loader as overviewLoader } from '~/routes/assessments.$assessmentId._index';
import { action as groupAction } from '~/routes/assessments.$assessmentId.group';
import { action as scoreAction, loader as scoreLoader } from '~/routes/assessments.$assessmentId.score.$code';
import { loader as consensusOverviewLoader } from '~/routes/assessments.$assessmentId.consensus._index';
import { action as consensusAction, loader as consensusLoader } from '~/routes/assessments.$assessmentId.consensus.$code';
import type { User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

let chair: User, head: User, assessor: User, outsiderHead: User, viewer: User;
let id: string;

type Form = Record<string, string | string[]>;
const post = async (fn: Parameters<typeof call>[0], path: string, user: User, form: Form, params: Record<string, string>) => call(fn, await makeRequest(path, { user, form }), params);
const get = async (fn: Parameters<typeof call>[0], path: string, user: User, params: Record<string, string>) => call(fn, await makeRequest(path, { user }), params);

const stage = (user: User, to: string) => post(overviewAction, `/assessments/${id}`, user, { intent: 'stage', to }, { assessmentId: id });
const score = (user: User, code: string, form: Form) => post(scoreAction, `/assessments/${id}/score/${code}`, user, form, { assessmentId: id, code });
const consensus = (user: User, code: string, form: Form) => post(consensusAction, `/assessments/${id}/consensus/${code}`, user, form, { assessmentId: id, code });
const overview = (user: User) => get(overviewLoader, `/assessments/${id}`, user, { assessmentId: id });

async function create(user: User, title: string, scoringSystem = 'classical'): Promise<string> {
  const response = await post(newAction, '/assessments/new', user, { title, period: '2024', scoringSystem }, {});
  expect(response.status).toBe(302);
  return response.headers.get('Location')!.match(/\/assessments\/(\d+)\/group/)![1]!;
}

beforeAll(async () => {
  chair = await makeUser('secretary');
  head = await makeUser('head');
  assessor = await makeUser('assessor');
  outsiderHead = await makeUser('head');
  viewer = await makeUser('viewer');
});

describe('a self-assessment from draft to approved', () => {
  it('is started by a secretary, who chairs it; a head or a viewer cannot start one', async () => {
    id = await create(chair, 'Самооценка 2024');
    expect((await post(newAction, '/assessments/new', head, { title: 'x', period: '2024', scoringSystem: 'classical' }, {})).status).toBe(403);
    expect((await post(newAction, '/assessments/new', viewer, { title: 'x', period: '2024', scoringSystem: 'classical' }, {})).status).toBe(403);
    const bad = await post(newAction, '/assessments/new', chair, { title: ' ', period: 'x'.repeat(201), scoringSystem: 'both' }, {});
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual({ title: 'asTitleRequired', period: 'fieldTooLong', scoringSystem: 'asSystemRequired' });
    const page = await (await overview(chair)).json();
    expect(page.membership).toBe('chair');
    expect(page.assessment.stage).toBe('draft');
  });

  it('needs a group before scoring starts; only the chair names it', async () => {
    expect((await stage(chair, 'scoring')).status).toBe(409);
    expect((await score(head, '1.1', { version: '0', score: '40' })).status).toBe(403);
    const add = (by: User, who: User) => post(groupAction, `/assessments/${id}/group`, by, { intent: 'add', userId: String(who.id) }, { assessmentId: id });
    expect((await add(chair, head)).status).toBe(200);
    expect((await add(head, outsiderHead)).status).toBe(403);
    expect((await add(chair, assessor)).status).toBe(200);
    // A member sees the assessment in the draft, but cannot score yet.
    expect((await overview(head)).status).toBe(200);
    expect((await score(head, '1.1', { version: '0', score: '40' })).status).toBe(409);
    // Outside the group nobody sees it before it is approved.
    expect((await overview(outsiderHead)).status).toBe(403);
    expect((await overview(viewer)).status).toBe(403);
    expect((await stage(head, 'scoring')).status).toBe(403);
    expect((await stage(chair, 'consensus')).status).toBe(409);
    expect((await stage(chair, 'scoring')).status).toBe(200);
  });

  it('fixes the scoring system once scoring has started', async () => {
    const response = await post(overviewAction, `/assessments/${id}`, chair, { intent: 'settings', title: 'Самооценка 2024', period: '2024', scoringSystem: 'fine_tuned' }, { assessmentId: id });
    expect(response.status).toBe(409);
    expect((await response.json()).errors.scoringSystem).toBe('asSystemFixed');
  });

  it('keeps each item its own, refuses a save from a stale page with what is saved, and scores only one\'s own sheet', async () => {
    const first = await score(head, '1.1', { version: '0', score: '40', evidence: ['Стратегия 2030', 'Протокол 12'], strength: ['Ясна мисия'], improvement: ['Няма преглед', '  '] });
    expect(await first.json()).toEqual({ ok: true, version: 1 });
    // A second tab still at version 0 does not overwrite; it gets what was saved.
    const stale = await score(head, '1.1', { version: '0', score: '90', evidence: ['друг текст'] });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()).conflict;
    expect(conflict.version).toBe(1);
    expect(conflict.items).toEqual({ evidence: ['Стратегия 2030', 'Протокол 12'], strength: ['Ясна мисия'], improvement: ['Няма преглед'] });
    expect(conflict.scores.score).toBe(40);
    expect((await score(head, '1.1', { version: '1', score: '101' })).status).toBe(400);
    expect((await score(head, '1.1', { version: '1', score: '4.5' })).status).toBe(400);
    expect((await score(head, '99.1', { version: '0', score: '40' })).status).toBe(404);
    // The assessor's sheet of 1.1 is their own: the head's is not shown to them.
    const assessorSheet = await (await get(scoreLoader, `/assessments/${id}/score/1.1`, assessor, { assessmentId: id, code: '1.1' })).json();
    expect(assessorSheet.sheet.version).toBe(0);
    expect(await (await score(assessor, '1.1', { version: '0', score: '80', strength: ['Ясна мисия', 'Добра комуникация'] })).json()).toEqual({ ok: true, version: 1 });
    expect((await score(chair, '1.2', { version: '0', score: '55' })).status).toBe(200);
    expect((await score(outsiderHead, '1.1', { version: '0', score: '10' })).status).toBe(403);
  });

  it('shows members only their own scores until the chair opens consensus', async () => {
    const params = { assessmentId: id };
    expect((await get(consensusOverviewLoader, `/assessments/${id}/consensus`, head, params)).status).toBe(409);
    expect((await get(consensusOverviewLoader, `/assessments/${id}/consensus`, chair, params)).status).toBe(409);
    expect((await get(consensusLoader, `/assessments/${id}/consensus/1.1`, head, { ...params, code: '1.1' })).status).toBe(409);
    const mine = await (await overview(head)).json();
    expect(mine.progress.filter((row: { score: number | null }) => row.score !== null)).toEqual([{ code: '1.1', score: 40, evidence: 2, strengths: 1, improvements: 1 }]);
    expect(mine.results).toBeNull();
  });

  it('lets the chair open consensus, see every member side by side, widest spread first, and record it', async () => {
    expect((await stage(chair, 'consensus')).status).toBe(200);
    expect((await score(head, '1.2', { version: '0', score: '40' })).status).toBe(409);
    const rows = (await (await get(consensusOverviewLoader, `/assessments/${id}/consensus`, chair, { assessmentId: id })).json()).rows;
    expect(rows[0]).toEqual({ code: '1.1', spread: { count: 2, min: 40, max: 80, mean: 60, spread: 40 }, consensus: null });
    expect(rows[1]).toMatchObject({ code: '1.2', spread: { count: 1, spread: 0 } });
    const detail = await (await get(consensusLoader, `/assessments/${id}/consensus/1.1`, chair, { assessmentId: id, code: '1.1' })).json();
    expect(detail.canRecord).toBe(true);
    expect(detail.members.map((m: { score: number }) => m.score).sort()).toEqual([40, 80]);
    // Members may read the others now, but not record.
    const seenByMember = await (await get(consensusLoader, `/assessments/${id}/consensus/1.1`, head, { assessmentId: id, code: '1.1' })).json();
    expect(seenByMember.members).toHaveLength(2);
    expect(seenByMember.canRecord).toBe(false);
    expect((await consensus(head, '1.1', { version: '0', score: '60' })).status).toBe(403);
    expect(await (await consensus(chair, '1.1', { version: '0', score: '60', strength: ['Ясна мисия', 'Добра комуникация'], improvement: ['Няма преглед'] })).json()).toEqual({ ok: true, version: 1 });
    const recorded = await (await get(consensusLoader, `/assessments/${id}/consensus/1.1`, assessor, { assessmentId: id, code: '1.1' })).json();
    expect(recorded.consensus.scores.score).toBe(60);
    expect(recorded.consensus.items.strength).toEqual(['Ясна мисия', 'Добра комуникация']);
  });

  it('approves only with a consensus score on all 28, records who and when, and reopens', async () => {
    const refused = await stage(chair, 'approved');
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'asStageConsensusMissing', done: 1 });
    for (const sub of SUB_CRITERIA.slice(1)) expect((await consensus(chair, sub.code, { version: '0', score: '50' })).status).toBe(200);
    expect((await stage(head, 'approved')).status).toBe(403);
    expect((await stage(chair, 'approved')).status).toBe(200);
    const page = await (await overview(chair)).json();
    expect(page.assessment.stage).toBe('approved');
    expect(page.assessment.approvedBy).toBe(chair.id);
    expect(page.approvedByName).toBe(chair.name);
    expect(page.results.find((row: { code: string }) => row.code === '1.1').score).toBe(60);
    // Recording consensus is over once approved.
    expect((await consensus(chair, '1.1', { version: '1', score: '70' })).status).toBe(409);
    const actions = listAuditEvents('assessment', Number(id)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'member-add', 'stage', 'approve']));
    expect(actions.filter((a) => a === 'stage')).toHaveLength(2);
  });

  it('lets viewers and heads outside the group read the approved assessment, never the members\' own scores', async () => {
    for (const reader of [viewer, outsiderHead]) {
      expect((await overview(reader)).status).toBe(200);
      expect((await get(consensusOverviewLoader, `/assessments/${id}/consensus`, reader, { assessmentId: id })).status).toBe(403);
      const detail = await (await get(consensusLoader, `/assessments/${id}/consensus/1.1`, reader, { assessmentId: id, code: '1.1' })).json();
      expect(detail.members).toBeNull();
      expect(detail.consensus.scores.score).toBe(60);
      expect((await get(scoreLoader, `/assessments/${id}/score/1.1`, reader, { assessmentId: id, code: '1.1' })).status).toBe(403);
    }
  });

  it('reopens consensus from approved, clearing the approval', async () => {
    expect((await stage(chair, 'consensus')).status).toBe(200);
    const page = await (await overview(chair)).json();
    expect(page.assessment).toMatchObject({ stage: 'consensus', approvedBy: null, approvedAt: null });
    expect((await overview(viewer)).status).toBe(403);
    expect((await stage(chair, 'approved')).status).toBe(200);
  });
});

describe('the list of self-assessments', () => {
  it("lists newest first: one's own in any stage, approved ones for readers, and nothing else for an assessor", async () => {
    const second = await create(chair, 'Самооценка 2026', 'fine_tuned');
    const list = async (user: User) => (await (await get(listLoader, '/assessments', user, {})).json()).assessments.map((a: { id: number }) => String(a.id));
    expect(await list(chair)).toEqual([second, id]);
    expect(await list(viewer)).toEqual([id]);
    expect(await list(assessor)).toEqual([id]);
    const stranger = await makeUser('assessor');
    expect(await list(stranger)).toEqual([]);
    expect((await get(overviewLoader, `/assessments/${id}`, stranger, { assessmentId: id })).status).toBe(403);
  });

  it('scores a fine-tuned sheet on its dimensions and keeps the mean, dropping a classical score', async () => {
    const fine = await create(chair, 'Прецизна');
    await post(overviewAction, `/assessments/${fine}`, chair, { intent: 'settings', title: 'Прецизна', period: '2025', scoringSystem: 'fine_tuned' }, { assessmentId: fine });
    await post(groupAction, `/assessments/${fine}/group`, chair, { intent: 'add', userId: String(head.id) }, { assessmentId: fine });
    await post(overviewAction, `/assessments/${fine}`, chair, { intent: 'stage', to: 'scoring' }, { assessmentId: fine });
    const save = (code: string, form: Form) => post(scoreAction, `/assessments/${fine}/score/${code}`, head, { version: '0', ...form }, { assessmentId: fine, code });
    expect((await save('2.1', { score: '90', plan: '40', do: '50', check: '60', act: '75' })).status).toBe(200);
    expect((await save('6.1', { trends: '30', targets: '55' })).status).toBe(200);
    const page = await (await get(overviewLoader, `/assessments/${fine}`, head, { assessmentId: fine })).json();
    const scoreOf = (code: string) => page.progress.find((row: { code: string }) => row.code === code).score;
    expect(scoreOf('2.1')).toBe(56.25);
    expect(scoreOf('6.1')).toBe(42.5);
    const sheet = await (await get(scoreLoader, `/assessments/${fine}/score/2.1`, head, { assessmentId: fine, code: '2.1' })).json();
    expect(sheet.sheet.scores.score).toBeNull();
  });
});
