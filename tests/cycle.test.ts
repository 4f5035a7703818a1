/**
 * The CAF cycle at a glance (/cycle) on the demo, in a real SQLite database: the current cycle
 * (the self-assessment under way, in scoring), the 2024 one (approved, with the plan drafted from
 * it running) and the first (2022, with its plan 2022-2024), recording a step (date, note, link, file) with its audit event in the same
 * transaction, and the print page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CycleStepView } from '~/domain/caf-cycle';
import { addDays, todayInSofia } from '~/domain/dates';
import { listAuditEvents } from '~/models/audit.server';
import { action, loader } from '~/routes/cycle._index';
import { loader as printLoader } from '~/routes/cycle.print';
import { loader as fileLoader } from '~/routes/cycle.$assessmentId.evidence.$step';
import { getDb } from '../db/client';
import { assessments, cycleSteps, users, type User } from '../db/schema';
import { seedDemo } from '../db/seed';
import { call, makeRequest } from './helpers';

let first: number, second: number, third: number;
let secretary: User, viewer: User;
const byEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!;

beforeAll(async () => {
  await seedDemo();
  [first, second, third] = getDb()
    .select({ id: assessments.id })
    .from(assessments)
    .orderBy(asc(assessments.id))
    .all()
    .map((row) => row.id) as [number, number, number];
  secretary = byEmail('secretary@demo.bg');
  viewer = byEmail('viewer@demo.bg');
});

afterEach(() => {
  getDb().$client.exec('drop trigger if exists fail_audit');
});

type Page = {
  cycles: { id: number }[];
  cycle: {
    assessment: { id: number };
    organization: string;
    plans: { title: string }[];
    steps: CycleStepView[];
  };
  canEdit: boolean;
};
const page = async (user: User, search = ''): Promise<Page> => {
  const response = await call(loader, await makeRequest(`/cycle${search}`, { user }));
  expect(response.status).toBe(200);
  return response.json();
};
const post = async (user: User, form: Record<string, string> | FormData) => call(action, await makeRequest('/cycle', { user, form }));
const stepOf = (p: Page, step: string) => p.cycle.steps.find((s) => s.step === step)!;
const statuses = (p: Page) => Object.fromEntries(p.cycle.steps.map((s) => [s.step, s.status]));

describe('the demo cycles of Lovech', () => {
  it('shows the latest self-assessment (in scoring, started 24 days ago) as the current cycle, with the recorded steps before it done', async () => {
    const p = await page(viewer);
    expect(p.cycles.map((c) => c.id)).toEqual([third, second, first]);
    expect(p.cycle.assessment.id).toBe(third);
    expect(p.cycle.organization).toBe('Областна администрация Ловеч');
    expect(p.canEdit).toBe(false);
    expect(p.cycle.plans).toEqual([]);
    expect(statuses(p)).toEqual({
      organise: 'done',
      communicate: 'done',
      group: 'done',
      train: 'done',
      assess: 'in_progress',
      report: 'not_started',
      plan: 'not_started',
      communicate_plan: 'not_started',
      implement: 'not_started',
      next: 'not_started',
    });
    expect(stepOf(p, 'organise').record?.doneOn).toBe(addDays(todayInSofia(), -45));
    expect(stepOf(p, 'assess').reason.word).toBe('cyrScoring');
  });

  it('shows the 2024 cycle: approved in January 2025, the plan drafted from it approved, communicated and being carried out, the next self-assessment started', async () => {
    const p = await page(viewer, `?assessment=${second}`);
    expect(p.cycle.plans).toHaveLength(1);
    expect(statuses(p)).toEqual({
      organise: 'done',
      communicate: 'done',
      group: 'done',
      train: 'done',
      assess: 'done',
      report: 'done',
      plan: 'done',
      communicate_plan: 'done',
      implement: 'in_progress',
      next: 'done',
    });
    expect(stepOf(p, 'report').to).toBe('2025-01-13');
    expect(stepOf(p, 'plan').to! > '2025-01-13').toBe(true);
    expect(stepOf(p, 'next').evidence[0]).toMatchObject({ href: `/assessments/${third}` });
  });

  it('shows the 2022 cycle full: the ten steps done, in order, with the plan 2022-2024 and the next self-assessment', async () => {
    const p = await page(viewer, `?assessment=${first}`);
    expect(p.cycle.plans.map((plan) => plan.title)).toHaveLength(1);
    expect(Object.values(statuses(p))).toEqual(Array(10).fill('done'));
    const day = (step: string) => stepOf(p, step).from!;
    expect(day('organise') < day('communicate') && day('communicate') <= day('group')).toBe(true);
    expect(day('group') <= day('train') && day('train') <= day('assess')).toBe(true);
    expect(stepOf(p, 'assess').to! <= stepOf(p, 'report').to!).toBe(true);
    expect(stepOf(p, 'plan').to).toBe('2022-03-10');
    expect(day('communicate_plan') > '2022-03-10').toBe(true);
    expect(stepOf(p, 'implement').to).toBe(todayInSofia());
    expect(stepOf(p, 'next').evidence[0]).toMatchObject({
      href: `/assessments/${second}`,
    });
    expect(stepOf(p, 'implement').evidence.map((e) => e.word)).toContain('cyeQuarters');
  });

  it('answers 404 for a cycle that does not exist', async () => {
    expect((await call(loader, await makeRequest('/cycle?assessment=99999', { user: viewer }))).status).toBe(404);
  });
});

describe('recording a step', () => {
  it('saves the date, note and link, audit-logged, and the step is done', async () => {
    const response = await post(secretary, {
      intent: 'record',
      assessmentId: String(third),
      step: 'next',
      doneOn: '2026-10-12',
      note: 'Решение на ръководството',
      evidenceUrl: 'https://example.bg/zapoved',
    });
    expect(response.status).toBe(200);
    const step = stepOf(await page(secretary), 'next');
    expect(step).toMatchObject({
      status: 'done',
      from: '2026-10-12',
      record: {
        note: 'Решение на ръководството',
        evidenceUrl: 'https://example.bg/zapoved',
      },
    });
    const event = listAuditEvents('assessment', third).find((e) => e.action === 'cycle-step')!;
    expect(event.before).toEqual({ step: 'next' });
    expect(event.after).toMatchObject({ step: 'next', doneOn: '2026-10-12' });
  });

  it('refuses a bad link, a future day for a step done, an empty record and an unknown step, writing nothing', async () => {
    const before = getDb().select().from(cycleSteps).all();
    const base = {
      intent: 'record',
      assessmentId: String(second),
      step: 'communicate_plan',
    };
    const cases: [Record<string, string>, string, string][] = [
      [{ ...base, evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl', 'csUrlInvalid'],
      [{ ...base, doneOn: addDays(todayInSofia(), 1) }, 'doneOn', 'csDateFuture'],
      [{ ...base, doneOn: '2024-02-30' }, 'doneOn', 'csDateInvalid'],
      [{ ...base, note: 'x'.repeat(2001) }, 'note', 'csNoteTooLong'],
      [{ ...base }, 'form', 'csEmptyRecord'],
      [{ ...base, step: 'celebrate', note: 'x' }, 'step', expect.any(String)],
    ];
    for (const [form, field, word] of cases) {
      const response = await post(secretary, form);
      expect(response.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect((await response.json()).errors[field]).toEqual(word);
    }
    expect((await post(secretary, { ...base, assessmentId: '99999', note: 'x' })).status).toBe(404);
    expect(getDb().select().from(cycleSteps).all()).toEqual(before);
  });

  it('keeps an evidence file, serves it as a download, replaces it and removes it with the record', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      intent: 'record',
      assessmentId: String(second),
      step: 'communicate',
      note: 'Протокол',
    }))
      form.append(k, v);
    form.append('evidenceFile', new File([new TextEncoder().encode('протокол от срещата')], 'протокол.pdf', { type: 'application/pdf' }));
    expect((await post(secretary, form)).status).toBe(200);
    const stored = () =>
      getDb()
        .select()
        .from(cycleSteps)
        .where(and(eq(cycleSteps.assessmentId, second), eq(cycleSteps.step, 'communicate')))
        .get();
    const first = stored()!;
    expect(first).toMatchObject({
      doneOn: null,
      note: 'Протокол',
      evidenceFileName: 'протокол.pdf',
    });
    const file = path.join(process.env.UPLOADS_DIR!, first.evidenceFile!);
    expect(fs.existsSync(file)).toBe(true);
    const download = await call(
      fileLoader,
      await makeRequest(`/cycle/${second}/evidence/communicate`, {
        user: viewer,
      }),
      { assessmentId: String(second), step: 'communicate' },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Disposition')).toContain("filename*=UTF-8''");
    expect(await download.text()).toBe('протокол от срещата');
    // Saving again without a file keeps it; ticking "remove" deletes it from the disk too.
    expect(
      (
        await post(secretary, {
          intent: 'record',
          assessmentId: String(second),
          step: 'communicate',
          note: 'Протокол 2',
        })
      ).status,
    ).toBe(200);
    expect(stored()!.evidenceFile).toBe(first.evidenceFile);
    expect(
      (
        await post(secretary, {
          intent: 'record',
          assessmentId: String(second),
          step: 'communicate',
          note: 'Протокол 2',
          removeFile: 'on',
        })
      ).status,
    ).toBe(200);
    expect(stored()!.evidenceFile).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    expect(
      (
        await post(secretary, {
          intent: 'clear',
          assessmentId: String(second),
          step: 'communicate',
        })
      ).status,
    ).toBe(200);
    expect(stored()).toBeUndefined();
    expect(listAuditEvents('assessment', second).map((e) => e.action)).toContain('cycle-step-clear');
    const missing = await call(
      fileLoader,
      await makeRequest(`/cycle/${second}/evidence/communicate`, {
        user: viewer,
      }),
      { assessmentId: String(second), step: 'communicate' },
    );
    expect(missing.status).toBe(404);
  });

  it('writes nothing when its audit event cannot be written', async () => {
    getDb().$client.exec("create trigger fail_audit before insert on audit_events when new.action = 'cycle-step' begin select raise(abort, 'audit event refused'); end");
    const before = getDb().select().from(cycleSteps).all();
    await expect(
      post(secretary, {
        intent: 'record',
        assessmentId: String(second),
        step: 'report',
        note: 'x',
      }),
    ).rejects.toThrow('audit event refused');
    expect(getDb().select().from(cycleSteps).all()).toEqual(before);
  });
});

describe('the print page', () => {
  it('gives the chosen cycle with its ten steps, and 404 for none', async () => {
    const response = await call(printLoader, await makeRequest(`/cycle/print?assessment=${first}`, { user: viewer }));
    const data = await response.json();
    expect(data.cycle.assessment.id).toBe(first);
    expect(data.cycle.steps).toHaveLength(10);
    expect(data.preparedOn).toBe(todayInSofia());
    expect((await call(printLoader, await makeRequest('/cycle/print?assessment=99999', { user: viewer }))).status).toBe(404);
  });
});
