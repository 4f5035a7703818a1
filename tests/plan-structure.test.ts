/**
 * The structure editor (/plans/:planId/structure) through its route, on a real database: each
 * kind of change (add, edit, move, archive, restore) of areas, measures and activities, the
 * validation messages (the importer's rules for codes and CAF references), duplicated codes,
 * a stale form, the audit event of every change in the change's own transaction, and that
 * archived items leave the plan's figures.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '~/models/audit.server';
import { todayInSofia } from '~/domain/dates';
import { parsePeriod } from '~/domain/quarters';
import { filterOptions } from '~/models/activity-list.server';
import { getDashboard } from '~/models/dashboard.server';
import { applyReimport, comparableActivities, importPlanIntoDatabase } from '~/models/plan-import.server';
import { planPageData } from '~/models/plan-page.server';
import { getReportData } from '~/models/report.server';
import { getPlanStructure } from '~/models/plan-structure.server';
import { action, loader } from '~/routes/plans.$planId_.structure';
import { getDb } from '../db/client';
import type { User } from '../db/schema';
import { call, makeRequest, makeUser } from './helpers';

let planId: number;
let secretary: User;

async function post(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await call(action, await makeRequest(`/plans/${planId}/structure`, { user: secretary, form }), { planId: String(planId) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const structure = () => getPlanStructure(planId);
const areaByCode = (code: string) => structure().find((a) => a.code === code)!;
/** The live measure of that code (an archived one when none is live). */
const measureByCode = (code: string) => {
  const found = structure().flatMap((a) => a.measures).filter((m) => m.code === code);
  return found.find((m) => !m.archived) ?? found[0]!;
};
const activityByCode = (code: string) => structure().flatMap((a) => a.measures.flatMap((m) => m.activities)).find((a) => a.code === code)!;
const liveCodes = () => comparableActivities(planId).map((a) => a.code);

async function addArea(code: string, title = `Област ${code}`) {
  expect((await post({ intent: 'add', level: 'area', parentId: '', code, title })).status).toBe(200);
  return areaByCode(code);
}
async function addMeasure(areaId: number, code: string, extra: Record<string, string> = {}) {
  const reply = await post({ intent: 'add', level: 'measure', parentId: String(areaId), code, title: `Мярка ${code}`, kind: 'strategic', cafRefs: '2.3', ...extra });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return measureByCode(code);
}
async function addActivity(measureId: number, code: string, extra: Record<string, string> = {}) {
  const form = { intent: 'add', level: 'activity', parentId: String(measureId), code, title: `Дейност ${code}`, start: '2025-01-01', end: '2025-06-30', owners: 'Главен секретар', indicator: '', target: '', ...extra };
  const reply = await post(form);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return activityByCode(code);
}

beforeAll(async () => {
  secretary = await makeUser('secretary');
  planId = importPlanIntoDatabase({ title: 'Чернова', period: '2025-2027', areas: [], warnings: [] }, { fileName: 'чернова' });
});

afterEach(() => {
  getDb().$client.exec('drop trigger if exists fail_audit');
});

describe('the structure editor', () => {
  it('adds areas, measures and activities with their fields, each audited', async () => {
    const area = await addArea('1', 'Лидерство');
    const measure = await addMeasure(area.id, '1.1', { kind: 'quick_win', cafRefs: '1.1, 1.2-1.3' });
    expect(measure).toMatchObject({ title: 'Мярка 1.1', kind: 'quick_win', cafRefs: ['1.1', '1.2', '1.3'], archived: false });
    const activity = await addActivity(measure.id, '1.1.1', { owners: 'Главен секретар, експерт ИТ', indicator: 'Брой', target: '5' });
    expect(activity).toMatchObject({ title: 'Дейност 1.1.1', start: '2025-01-01', baselineEnd: '2025-06-30', currentEnd: '2025-06-30', owners: ['Главен секретар', 'експерт ИТ'], indicator: 'Брой', target: '5' });
    for (const [entity, id] of [['area', area.id], ['measure', measure.id], ['activity', activity.id]] as const) {
      expect(listAuditEvents(entity, id).map((e) => e.action)).toEqual(['structure-add']);
    }
    expect(liveCodes()).toEqual(['1.1.1']);
  });

  it('changes an item and records before and after', async () => {
    const activity = activityByCode('1.1.1');
    const reply = await post({ intent: 'edit', level: 'activity', id: String(activity.id), version: String(activity.version), code: '1.1.1', title: 'Нова', start: '2025-02-01', end: '2025-03-01', owners: 'експерт ИТ', indicator: 'Дял', target: '50%' });
    expect(reply.status).toBe(200);
    expect(activityByCode('1.1.1')).toMatchObject({ title: 'Нова', start: '2025-02-01', baselineEnd: '2025-03-01', currentEnd: '2025-03-01', owners: ['експерт ИТ'], target: '50%', version: activity.version + 1 });
    const [event] = listAuditEvents('activity', activity.id);
    expect(event).toMatchObject({ action: 'structure-edit', before: { title: 'Дейност 1.1.1', owners: ['Главен секретар', 'експерт ИТ'] }, after: { title: 'Нова', owners: ['експерт ИТ'] } });

    const measure = measureByCode('1.1');
    expect((await post({ intent: 'edit', level: 'measure', id: String(measure.id), version: String(measure.version), code: '1.1', title: 'Мярка', kind: '', cafRefs: '6.2' })).status).toBe(200);
    expect(measureByCode('1.1')).toMatchObject({ title: 'Мярка', kind: null, cafRefs: ['6.2'] });
  });

  it('answers each invalid field with its message and writes nothing', async () => {
    const measure = measureByCode('1.1');
    const cases: [Record<string, string>, string, string][] = [
      [{ code: '1.a' }, 'code', 'stCodeInvalid'],
      [{ code: '' }, 'code', 'stCodeRequired'],
      [{ title: '   ' }, 'title', 'stTitleRequired'],
      [{ title: 'x'.repeat(2001) }, 'title', 'fieldTooLong'],
      [{ start: '2025-07-01', end: '2025-06-30' }, 'end', 'stEndBeforeStart'],
      [{ start: '2025-02-30' }, 'start', 'stDateInvalid'],
      [{ target: 'x'.repeat(4001) }, 'target', 'fieldTooLong'],
    ];
    const before = structure();
    for (const [fields, field, message] of cases) {
      const reply = await post({ intent: 'add', level: 'activity', parentId: String(measure.id), code: '1.1.9', title: 'Дейност', start: '', end: '', owners: '', ...fields });
      expect(reply.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect((reply.body.errors as Record<string, string>)[field]).toBe(message);
      expect((reply.body.values as Record<string, string>).title).toBe(fields.title ?? 'Дейност');
    }
    const caf = await post({ intent: 'add', level: 'measure', parentId: String(areaByCode('1').id), code: '1.5', title: 'Мярка', kind: 'strategic', cafRefs: '2.3, 11.4' });
    expect(caf.body.errors).toEqual({ cafRefs: 'stCafUnknown' });
    expect((await post({ intent: 'add', level: 'planet', parentId: '', code: '1', title: 'x' })).body.message).toBe('stBadForm');
    expect(structure()).toEqual(before);
  });

  it('refuses a code another live item of the same level has, with the code in the answer', async () => {
    const before = structure();
    const area = await post({ intent: 'add', level: 'area', parentId: '', code: '1', title: 'Друга' });
    expect(area).toEqual({ status: 409, body: expect.objectContaining({ refusal: 'duplicateCode', code: '1' }) });
    const second = await addMeasure(areaByCode('1').id, '1.2');
    const edit = await post({ intent: 'edit', level: 'measure', id: String(second.id), version: String(second.version), code: '1.1', title: 'x', kind: '', cafRefs: '' });
    expect(edit.body).toMatchObject({ refusal: 'duplicateCode', code: '1.1' });
    expect(measureByCode('1.2').title).toBe('Мярка 1.2');
    expect(structure()[0]!.measures.map((m) => m.code)).toEqual([...before[0]!.measures.map((m) => m.code), '1.2']);
  });

  it('refuses a form rendered before someone else changed the item (stale version) and keeps what is saved', async () => {
    const activity = activityByCode('1.1.1');
    const stale = String(activity.version - 1);
    const edit = await post({ intent: 'edit', level: 'activity', id: String(activity.id), version: stale, code: '1.1.1', title: 'Стара форма', start: '', end: '', owners: '' });
    expect(edit).toEqual({ status: 409, body: expect.objectContaining({ refusal: 'stale' }) });
    for (const intent of ['archive', 'move']) {
      expect((await post({ intent, level: 'activity', id: String(activity.id), version: stale, direction: 'up' })).body.refusal).toBe('stale');
    }
    expect(activityByCode('1.1.1')).toEqual(activity);
  });

  it('moves items up and down among their siblings; the plan lists activities in the new order', async () => {
    const measure = measureByCode('1.1');
    await addActivity(measure.id, '1.1.2');
    await addActivity(measureByCode('1.2').id, '1.2.1');
    await addActivity(measure.id, '1.1.3');
    expect(liveCodes()).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.2.1']);
    const third = activityByCode('1.1.3');
    expect((await post({ intent: 'move', level: 'activity', id: String(third.id), version: String(third.version), direction: 'up' })).status).toBe(200);
    expect(liveCodes()).toEqual(['1.1.1', '1.1.3', '1.1.2', '1.2.1']);
    const second = measureByCode('1.2');
    expect((await post({ intent: 'move', level: 'measure', id: String(second.id), version: String(second.version), direction: 'up' })).status).toBe(200);
    expect(liveCodes()).toEqual(['1.2.1', '1.1.1', '1.1.3', '1.1.2']);
    const area2 = await addArea('2');
    await addActivity((await addMeasure(area2.id, '2.1')).id, '2.1.1');
    const moved = areaByCode('2');
    expect((await post({ intent: 'move', level: 'area', id: String(moved.id), version: String(moved.version), direction: 'up' })).status).toBe(200);
    expect(structure().map((a) => a.code)).toEqual(['2', '1']);
    expect(liveCodes()).toEqual(['2.1.1', '1.2.1', '1.1.1', '1.1.3', '1.1.2']);
    // The first cannot go further up: nothing changes.
    const first = areaByCode('2');
    expect((await post({ intent: 'move', level: 'area', id: String(first.id), version: String(first.version), direction: 'up' })).status).toBe(200);
    expect(structure().map((a) => a.code)).toEqual(['2', '1']);
    expect(listAuditEvents('area', moved.id)[0]).toMatchObject({ action: 'structure-move', after: { direction: 'up' } });
  });

  it('archives a measure with its activities (out of the figures) and restores only what was archived with it', async () => {
    const single = activityByCode('1.1.2');
    expect((await post({ intent: 'archive', level: 'activity', id: String(single.id), version: String(single.version) })).status).toBe(200);
    const measure = measureByCode('1.1');
    expect((await post({ intent: 'archive', level: 'measure', id: String(measure.id), version: String(measure.version) })).status).toBe(200);
    expect(liveCodes()).toEqual(['2.1.1', '1.2.1']);
    expect(measureByCode('1.1').archived).toBe(true);
    // An activity of an archived measure cannot come back alone, nor can an item be added under it.
    const child = activityByCode('1.1.1');
    expect((await post({ intent: 'restore', level: 'activity', id: String(child.id), version: String(child.version) })).body.refusal).toBe('parentArchived');
    expect((await post({ intent: 'add', level: 'activity', parentId: String(measure.id), code: '1.1.9', title: 'x', start: '', end: '', owners: '' })).body.refusal).toBe('parentArchived');
    // Its code is free while it is archived; restoring it then is refused until the other gives it up.
    const other = await addMeasure(areaByCode('1').id, '1.1');
    const archived = structure().flatMap((a) => a.measures).find((m) => m.id === measure.id)!;
    expect((await post({ intent: 'restore', level: 'measure', id: String(measure.id), version: String(archived.version) })).body.refusal).toBe('duplicateCode');
    expect((await post({ intent: 'archive', level: 'measure', id: String(other.id), version: String(other.version) })).status).toBe(200);
    expect((await post({ intent: 'restore', level: 'measure', id: String(measure.id), version: String(archived.version) })).status).toBe(200);
    expect(liveCodes()).toEqual(['2.1.1', '1.2.1', '1.1.1', '1.1.3']);
    expect(listAuditEvents('measure', measure.id).map((e) => e.action).slice(0, 2)).toEqual(['structure-restore', 'structure-archive']);
  });

  it('archives an area with its measures and activities and restores them, leaving what was archived before', async () => {
    const area = areaByCode('1');
    expect((await post({ intent: 'archive', level: 'area', id: String(area.id), version: String(area.version) })).status).toBe(200);
    expect(liveCodes()).toEqual(['2.1.1']);
    expect(areaByCode('1').measures.every((m) => m.archived)).toBe(true);
    const archived = areaByCode('1');
    expect((await post({ intent: 'restore', level: 'area', id: String(area.id), version: String(archived.version) })).status).toBe(200);
    expect(liveCodes()).toEqual(['2.1.1', '1.2.1', '1.1.1', '1.1.3']);
    // The measure archived on its own before stays archived, as does the activity archived on its own.
    expect(areaByCode('1').measures.filter((m) => m.archived).map((m) => m.code)).toEqual(['1.1']);
    expect(activityByCode('1.1.2').archived).toBe(true);
  });

  it('leaves an archived area out of the plan page, the dashboard, the filters and the report; a re-import that has it brings it back', async () => {
    const area = areaByCode('1');
    expect((await post({ intent: 'archive', level: 'area', id: String(area.id), version: String(area.version) })).status).toBe(200);
    const today = todayInSofia();
    expect(planPageData(planId, {}, 1).progress.areas.map((a) => a.code)).toEqual(['2']);
    expect(getDashboard({ planId, asOf: today, today }).groups.map((g) => g.areaCode)).toEqual(['2']);
    expect(filterOptions(planId).areas.map((a) => a.code)).toEqual(['2']);
    const report = getReportData(planId, parsePeriod('2025-Q2')!, { today })!;
    expect(report.areas.map((a) => a.code)).toEqual(['2']);
    expect(report.areas.flatMap((a) => a.measures.map((m) => m.code))).toEqual(['2.1']);

    const activity = (code: string, title: string) => ({ code, title, start: null, end: '2025-12-31', ongoing: false, ongoingText: null, indicator: null, target: null, owners: [], resources: null, note: null, status: null, source: { sheet: 'План', row: 1 } });
    const parsed = {
      title: null,
      period: null,
      warnings: [],
      areas: [
        { code: '2', title: 'Област 2', measures: [{ code: '2.1', title: 'Мярка 2.1', kind: null, cafRefs: [], activities: [activity('2.1.1', 'Дейност 2.1.1')] }] },
        { code: '1', title: 'Обратно', measures: [{ code: '1.2', title: 'Мярка 1.2', kind: null, cafRefs: [], activities: [activity('1.2.5', 'Съвсем друга задача')] }] },
      ],
    };
    applyReimport(planId, parsed, { userId: secretary.id, fileName: 'plan.xlsx' });
    expect(areaByCode('1')).toMatchObject({ id: area.id, title: 'Обратно', archived: false });
    expect(measureByCode('1.2')).toMatchObject({ archived: false });
    expect(planPageData(planId, {}, 1).progress.areas.map((a) => a.code)).toEqual(['2', '1']);
    expect(liveCodes()).toEqual(['2.1.1', '1.2.5']);
  });

  it('makes no change when its audit event cannot be written', async () => {
    const before = structure();
    getDb().$client.exec(`create trigger fail_audit before insert on audit_events when new.action like 'structure-%'
      begin select raise(abort, 'audit event refused'); end`);
    const area = areaByCode('2');
    const measure = measureByCode('2.1');
    const activity = activityByCode('2.1.1');
    const forms: Record<string, string>[] = [
      { intent: 'add', level: 'measure', parentId: String(area.id), code: '2.9', title: 'x', kind: '', cafRefs: '1.1' },
      { intent: 'add', level: 'activity', parentId: String(measure.id), code: '2.1.9', title: 'x', start: '', end: '', owners: 'Нов отговорник' },
      { intent: 'edit', level: 'activity', id: String(activity.id), version: String(activity.version), code: '2.1.1', title: 'y', start: '', end: '', owners: '' },
      { intent: 'move', level: 'area', id: String(area.id), version: String(area.version), direction: 'down' },
      { intent: 'archive', level: 'measure', id: String(measure.id), version: String(measure.version) },
    ];
    for (const form of forms) await expect(post(form)).rejects.toThrow('audit event refused');
    expect(structure()).toEqual(before);
  });

  it('is for plan:edit only, and answers an unknown plan with 404', async () => {
    const viewer = await makeUser('viewer');
    const asViewer = await call(loader, await makeRequest(`/plans/${planId}/structure`, { user: viewer }), { planId: String(planId) });
    expect(asViewer.status).toBe(403);
    const form = { intent: 'archive', level: 'area', id: String(areaByCode('1').id), version: '1' };
    expect((await call(action, await makeRequest(`/plans/${planId}/structure`, { user: viewer, form }), { planId: String(planId) })).status).toBe(403);
    const unknown = await call(loader, await makeRequest('/plans/999/structure', { user: secretary }), { planId: '999' });
    expect(unknown.status).toBe(404);
    const page = await call(loader, await makeRequest(`/plans/${planId}/structure`, { user: secretary }), { planId: String(planId) });
    expect(((await page.json()) as { areas: unknown[] }).areas).toHaveLength(2);
  });
});
