import { describe, expect, it } from 'vitest';
import { cycleDone, deriveCycle, type CycleFacts, type CyclePlanFacts } from './caf-cycle';

const plan = (over: Partial<CyclePlanFacts> = {}): CyclePlanFacts => ({
  id: 7,
  title: 'План 2022-2024',
  madeOn: '2022-03-01',
  approvedOn: '2022-03-10',
  approvedBy: 'Областен управител',
  closedOn: null,
  updates: 40,
  lastUpdateOn: '2024-06-30',
  reviewedQuarters: ['2022-Q2', '2022-Q3'],
  statusImports: 1,
  ...over,
});

function facts(over: Partial<CycleFacts> = {}): CycleFacts {
  return {
    assessment: {
      id: 3,
      stage: 'approved',
      createdOn: '2022-01-10',
      createdBy: 'Мария Петрова',
      approvedOn: '2022-02-15',
      approvedBy: 'Мария Петрова',
    },
    stageOn: {},
    group: { members: 6, chair: 'Мария Петрова' },
    sheets: {
      scored: 168,
      expected: 168,
      firstScoredOn: '2022-01-13',
      agreed: 28,
      firstAgreedOn: '2022-02-08',
    },
    priorities: { areas: 30, rated: 27, lastRatedOn: '2022-02-18' },
    plans: [plan()],
    next: null,
    records: {},
    ...over,
  };
}

const step = (f: CycleFacts, name: string) => deriveCycle(f).find((s) => s.step === name)!;

describe('deriveCycle', () => {
  it('gives the ten steps in CAF order, numbered 1 to 10', () => {
    const steps = deriveCycle(facts());
    expect(steps.map((s) => `${s.number}:${s.step}`)).toEqual(['1:organise', '2:communicate', '3:group', '4:train', '5:assess', '6:report', '7:plan', '8:communicate_plan', '9:implement', '10:next']);
  });

  it('leaves the steps the app cannot know not started until they are recorded, then done on the recorded day', () => {
    const before = facts();
    for (const name of ['organise', 'communicate', 'train', 'communicate_plan']) {
      expect(step(before, name)).toMatchObject({
        status: 'not_started',
        reason: { word: 'cyrNotRecorded' },
        from: null,
      });
    }
    const record = {
      doneOn: '2021-12-20',
      note: 'Заповед РД-08-12',
      evidenceUrl: null,
      evidenceFileName: null,
    };
    const after = facts({
      records: { organise: record, train: { ...record, doneOn: '2022-01-12' } },
    });
    expect(step(after, 'organise')).toMatchObject({
      status: 'done',
      from: '2021-12-20',
      record,
    });
    expect(step(after, 'train')).toMatchObject({
      status: 'done',
      from: '2022-01-12',
    });
    // A record with no day is evidence, not a step done.
    expect(step(facts({ records: { communicate: { ...record, doneOn: null } } }), 'communicate').status).toBe('not_started');
  });

  it('dates scoring and consensus by the audit log, else by the first sheets saved', () => {
    expect(step(facts(), 'assess')).toMatchObject({
      status: 'done',
      from: '2022-01-13',
      to: '2022-02-08',
    });
    const audited = facts({
      stageOn: { scoring: '2022-01-11', consensus: '2022-02-01' },
    });
    expect(step(audited, 'assess')).toMatchObject({
      from: '2022-01-11',
      to: '2022-02-01',
    });
    expect(step(audited, 'group')).toMatchObject({
      status: 'done',
      from: '2022-01-10',
      to: '2022-01-11',
    });
    expect(step(audited, 'report')).toMatchObject({
      status: 'done',
      from: '2022-02-01',
      to: '2022-02-15',
    });
  });

  it('follows an assessment still in scoring: group done, scoring in progress with its count, the rest not started', () => {
    const f = facts({
      assessment: {
        id: 4,
        stage: 'scoring',
        createdOn: '2024-10-14',
        createdBy: 'Мария Петрова',
        approvedOn: null,
        approvedBy: null,
      },
      sheets: {
        scored: 78,
        expected: 168,
        firstScoredOn: '2024-10-17',
        agreed: 0,
        firstAgreedOn: null,
      },
      priorities: { areas: 0, rated: 0, lastRatedOn: null },
      plans: [],
    });
    expect(step(f, 'group').status).toBe('done');
    expect(step(f, 'assess')).toMatchObject({
      status: 'in_progress',
      reason: { word: 'cyrScoring', params: { scored: 78, expected: 168 } },
      from: '2024-10-17',
      to: null,
    });
    expect(step(f, 'report')).toMatchObject({
      status: 'not_started',
      reason: { word: 'cyrNoConsensus' },
    });
    expect(step(f, 'plan')).toMatchObject({
      status: 'not_started',
      reason: { word: 'cyrAwaitReport' },
    });
    expect(step(f, 'communicate_plan').reason.word).toBe('cyrNoPlanYet');
    expect(step(f, 'implement')).toMatchObject({
      status: 'not_started',
      reason: { word: 'cyrNoPlanYet' },
    });
    expect(step(f, 'next')).toMatchObject({
      status: 'not_started',
      reason: { word: 'cyrNextNone' },
    });
  });

  it('counts a group of the chair alone as not formed, and a draft with members as being formed', () => {
    const draft = facts({
      assessment: { ...facts().assessment, stage: 'draft' },
    });
    expect(step({ ...draft, group: { members: 1, chair: 'X' } }, 'group').status).toBe('not_started');
    expect(step(draft, 'group').status).toBe('in_progress');
    expect(step(draft, 'assess').status).toBe('not_started');
  });

  it('sees the plan drafted, approved, being carried out and closed', () => {
    expect(step(facts({ plans: [] }), 'plan')).toMatchObject({
      status: 'in_progress',
      reason: { word: 'cyrPrioritising', params: { rated: 27, areas: 30 } },
    });
    expect(
      step(
        facts({
          plans: [],
          priorities: { areas: 30, rated: 0, lastRatedOn: null },
        }),
        'plan',
      ).status,
    ).toBe('not_started');
    expect(step(facts({ plans: [plan({ approvedOn: null })] }), 'plan')).toMatchObject({
      status: 'in_progress',
      reason: { word: 'cyrPlanDraft' },
    });
    expect(step(facts(), 'plan')).toMatchObject({
      status: 'done',
      from: '2022-02-18',
      to: '2022-03-10',
    });
    const running = step(facts(), 'implement');
    expect(running).toMatchObject({
      status: 'in_progress',
      from: '2022-03-10',
      to: null,
    });
    expect(running.evidence.map((e) => e.word)).toEqual(['cyeUpdates', 'cyeQuarters', 'cyeStatusImports']);
    expect(
      step(
        facts({
          plans: [
            plan({
              updates: 0,
              lastUpdateOn: null,
              reviewedQuarters: [],
              statusImports: 0,
            }),
          ],
        }),
        'implement',
      ).status,
    ).toBe('not_started');
    expect(step(facts({ plans: [plan({ closedOn: '2026-12-03' })] }), 'implement')).toMatchObject({ status: 'done', to: '2026-12-03' });
    // Two plans: done only when both are closed.
    expect(step(facts({ plans: [plan({ closedOn: '2024-12-31' }), plan({ id: 8 })] }), 'implement').status).toBe('in_progress');
  });

  it('knows the next self-assessment by its creation, or by the day recorded for it', () => {
    expect(
      step(
        facts({
          next: { id: 9, title: 'Самооценка 2024', createdOn: '2024-10-14' },
        }),
        'next',
      ),
    ).toMatchObject({
      status: 'done',
      from: '2024-10-14',
      evidence: [{ href: '/assessments/9' }],
    });
    const planned = {
      doneOn: '2027-01-15',
      note: null,
      evidenceUrl: null,
      evidenceFileName: null,
    };
    expect(step(facts({ records: { next: planned } }), 'next')).toMatchObject({
      status: 'done',
      reason: { word: 'cyrNextPlanned' },
      from: '2027-01-15',
    });
  });

  it('counts the steps done', () => {
    const record = {
      doneOn: '2022-01-05',
      note: null,
      evidenceUrl: null,
      evidenceFileName: null,
    };
    const full = facts({
      records: {
        organise: record,
        communicate: record,
        train: record,
        communicate_plan: { ...record, doneOn: '2022-03-15' },
      },
      plans: [plan({ closedOn: '2024-12-31' })],
      next: { id: 9, title: 'Самооценка 2024', createdOn: '2024-10-14' },
    });
    expect(cycleDone(deriveCycle(full))).toBe(10);
    expect(cycleDone(deriveCycle(facts()))).toBe(4);
  });
});
