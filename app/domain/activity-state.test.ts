import { describe, expect, it } from 'vitest';
import { deriveActivityState, type ActivitySchedule, type StatusEvent } from './activity-state';
import { dateOfTimestampInSofia } from './dates';
import type { Status } from './status';

const schedule = (overrides: Partial<ActivitySchedule> = {}): ActivitySchedule => ({
  start: '2024-01-15',
  baselineEnd: '2024-06-15',
  ongoing: false,
  endChanges: [],
  ...overrides,
});

/** A status event recorded at a moment written with its UTC offset, e.g. '2024-06-30T23:30+03:00', as of the day it was recorded. */
const event = (when: string, status: Status, percent: number | null = null, completedOn: string | null = null): StatusEvent => ({
  at: Date.parse(when),
  asOf: dateOfTimestampInSofia(Date.parse(when)),
  status,
  percent,
  completedOn,
});

describe('with no history', () => {
  it('is planned at 0% and flags nothing when there are no dates', () => {
    const state = deriveActivityState(schedule({ start: null, baselineEnd: null }), [], '2024-06-30');
    expect(state).toMatchObject({
      status: 'planned',
      percent: 0,
      end: null,
      slipDays: null,
      overdue: false,
      daysOverdue: 0,
      dueThisQuarter: false,
      lateStart: false,
      completedOn: null,
      lastUpdateAt: null,
    });
  });

  it('is a late start once the start date has passed', () => {
    expect(deriveActivityState(schedule(), [], '2024-01-15').lateStart).toBe(false);
    expect(deriveActivityState(schedule(), [], '2024-01-16').lateStart).toBe(true);
  });

  it('is overdue from the day after its end, counting days', () => {
    expect(deriveActivityState(schedule(), [], '2024-06-15')).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(deriveActivityState(schedule(), [], '2024-06-16')).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(deriveActivityState(schedule(), [], '2024-07-15')).toMatchObject({ overdue: true, daysOverdue: 30 });
  });
});

describe('as of a date in Sofia', () => {
  const events = [
    event('2024-06-30T23:30+03:00', 'in_progress', 60),
    event('2024-07-01T00:30+03:00', 'done', null, '2024-06-30'),
  ];

  it('counts an update made at 23:30 on 30.06 Sofia time for a report as of 30.06', () => {
    const state = deriveActivityState(schedule(), events, '2024-06-30');
    expect(state.status).toBe('in_progress');
    expect(state.percent).toBe(60);
    expect(state.lastUpdateAt).toBe(Date.parse('2024-06-30T20:30Z'));
  });

  it('does not count one made at 00:30 on 01.07 Sofia time (21:30 UTC on 30.06)', () => {
    expect(deriveActivityState(schedule(), events, '2024-06-30').status).not.toBe('done');
    expect(deriveActivityState(schedule(), events, '2024-07-01')).toMatchObject({
      status: 'done',
      percent: 100,
      completedOn: '2024-06-30',
      overdue: false,
    });
  });

  it('shows nothing recorded before the first update', () => {
    expect(deriveActivityState(schedule(), events, '2024-06-29')).toMatchObject({
      status: 'planned',
      lastUpdateAt: null,
      lateStart: true,
    });
  });

  it('cuts the day at Sofia midnight on the days clocks change', () => {
    const spring = [event('2024-03-31T23:30+03:00', 'in_progress'), event('2024-04-01T00:30+03:00', 'done')];
    expect(deriveActivityState(schedule(), spring, '2024-03-31').status).toBe('in_progress');
    expect(deriveActivityState(schedule(), spring, '2024-04-01').status).toBe('done');

    const autumn = [event('2024-10-27T23:30+02:00', 'in_progress'), event('2024-10-28T00:30+02:00', 'done')];
    expect(deriveActivityState(schedule(), autumn, '2024-10-27').status).toBe('in_progress');
    expect(deriveActivityState(schedule(), autumn, '2024-10-28').status).toBe('done');
  });

  it('takes events in time order whatever order they are given in, the later of equal times winning', () => {
    const shuffled = [
      event('2024-05-01T10:00+03:00', 'in_progress', 70),
      event('2024-03-01T10:00+02:00', 'in_progress', 20),
    ];
    expect(deriveActivityState(schedule(), shuffled, '2024-05-02').percent).toBe(70);
    const tied = [event('2024-05-01T10:00+03:00', 'in_progress', 30), event('2024-05-01T10:00+03:00', 'postponed')];
    expect(deriveActivityState(schedule(), tied, '2024-05-02').status).toBe('postponed');
  });
});

describe('as of the day an update reports on', () => {
  /** An event recorded at `when` that reports on the day `asOf`. */
  const reported = (when: string, asOf: string, status: Status, percent: number | null = null): StatusEvent => ({ ...event(when, status, percent), asOf });

  it('counts an update recorded in October as of 30.09 in the state as of 30.09, not before', () => {
    const events = [event('2024-07-15T10:00+03:00', 'in_progress', 20), reported('2024-10-08T10:00+03:00', '2024-09-30', 'in_progress', 80)];
    expect(deriveActivityState(schedule({ baselineEnd: '2024-12-31' }), events, '2024-09-30')).toMatchObject({
      status: 'in_progress',
      percent: 80,
      lastUpdateAt: Date.parse('2024-10-08T10:00+03:00'),
    });
    expect(deriveActivityState(schedule({ baselineEnd: '2024-12-31' }), events, '2024-09-29').percent).toBe(20);
  });

  it('orders by the day reported on, then by when recorded: a later update about an earlier day does not override', () => {
    const events = [event('2024-05-01T10:00+03:00', 'in_progress', 60), reported('2024-05-20T10:00+03:00', '2024-03-31', 'postponed', 30)];
    expect(deriveActivityState(schedule(), events, '2024-05-31')).toMatchObject({ status: 'in_progress', percent: 60 });
    expect(deriveActivityState(schedule(), events, '2024-04-30')).toMatchObject({ status: 'postponed', percent: 30 });
    const sameDay = [reported('2024-07-02T10:00+03:00', '2024-06-30', 'in_progress', 90), reported('2024-07-01T10:00+03:00', '2024-06-30', 'postponed', 10)];
    expect(deriveActivityState(schedule(), sameDay, '2024-06-30')).toMatchObject({ status: 'in_progress', percent: 90 });
  });

  it('dates a completion stating no day by the day it reports on', () => {
    const events = [reported('2024-07-03T10:00+03:00', '2024-06-14', 'done')];
    expect(deriveActivityState(schedule(), events, '2024-06-30')).toMatchObject({ status: 'done', completedOn: '2024-06-14', overdue: false });
  });
});

describe('status and percent', () => {
  it('keeps the latest percent given when a later update gives none', () => {
    const events = [event('2024-04-10T09:00+03:00', 'in_progress', 40), event('2024-05-10T09:00+03:00', 'postponed')];
    expect(deriveActivityState(schedule(), events, '2024-05-31')).toMatchObject({ status: 'postponed', percent: 40 });
  });

  it('is no longer a late start once work has begun', () => {
    const events = [event('2024-02-01T09:00+02:00', 'in_progress', 10)];
    expect(deriveActivityState(schedule(), events, '2024-03-01').lateStart).toBe(false);
  });

  it('is a late start again if put back to planned', () => {
    const events = [event('2024-02-01T09:00+02:00', 'in_progress', 10), event('2024-02-05T09:00+02:00', 'planned', 0)];
    expect(deriveActivityState(schedule(), events, '2024-03-01')).toMatchObject({ lateStart: true, percent: 0 });
  });
});

describe('done', () => {
  it('done after its end date is overdue until the day it is recorded, then not', () => {
    const events = [event('2024-07-10T11:00+03:00', 'done', null, '2024-07-08')];
    expect(deriveActivityState(schedule(), events, '2024-07-09')).toMatchObject({ overdue: true, daysOverdue: 24 });
    expect(deriveActivityState(schedule(), events, '2024-07-10')).toMatchObject({
      status: 'done',
      overdue: false,
      daysOverdue: 0,
      completedOn: '2024-07-08',
    });
  });

  it('counts a completion by when it was recorded, not by the date it states', () => {
    const lateReport = [event('2024-07-03T10:00+03:00', 'done', null, '2024-06-10')];
    expect(deriveActivityState(schedule(), lateReport, '2024-06-30')).toMatchObject({ status: 'planned', overdue: true });
    const early = [event('2024-06-30T10:00+03:00', 'done', null, '2024-07-05')];
    expect(deriveActivityState(schedule(), early, '2024-06-30')).toMatchObject({ status: 'done', completedOn: '2024-07-05' });
  });

  it('takes the Sofia date of recording when no completion date is stated', () => {
    const events = [event('2024-06-30T23:30+03:00', 'done')];
    expect(deriveActivityState(schedule(), events, '2024-07-31').completedOn).toBe('2024-06-30');
  });

  it('reopened after done is no longer done', () => {
    const events = [event('2024-05-01T10:00+03:00', 'done'), event('2024-05-20T10:00+03:00', 'in_progress', 80)];
    expect(deriveActivityState(schedule(), events, '2024-06-30')).toMatchObject({
      status: 'in_progress',
      percent: 80,
      completedOn: null,
      overdue: true,
    });
  });

  it('done and cancelled are never overdue nor due this quarter', () => {
    for (const status of ['done', 'cancelled'] as const) {
      const state = deriveActivityState(schedule(), [event('2024-04-01T10:00+03:00', status)], '2024-06-30');
      expect(state).toMatchObject({ status, overdue: false, daysOverdue: 0, dueThisQuarter: false, lateStart: false });
    }
  });
});

describe('ongoing activities', () => {
  it('are never overdue, late or due, even past an end date', () => {
    const ongoing = schedule({ ongoing: true, start: '2022-03-14', baselineEnd: '2024-06-15' });
    expect(deriveActivityState(ongoing, [], '2024-06-30')).toMatchObject({
      status: 'planned',
      overdue: false,
      daysOverdue: 0,
      dueThisQuarter: false,
      lateStart: false,
    });
  });
});

describe('rescheduling', () => {
  const rescheduled = schedule({
    baselineEnd: '2024-03-31',
    endChanges: [{ at: Date.parse('2024-05-10T10:00+03:00'), newEnd: '2024-09-30' }],
  });

  it('was overdue against the baseline before the change', () => {
    expect(deriveActivityState(rescheduled, [], '2024-05-09')).toMatchObject({
      end: '2024-03-31',
      slipDays: 0,
      overdue: true,
      daysOverdue: 39,
    });
  });

  it('is measured against the new end from the day of the change, showing the slip', () => {
    expect(deriveActivityState(rescheduled, [], '2024-05-10')).toMatchObject({
      end: '2024-09-30',
      slipDays: 183,
      overdue: false,
      daysOverdue: 0,
    });
    expect(deriveActivityState(rescheduled, [], '2024-10-05')).toMatchObject({ overdue: true, daysOverdue: 5 });
  });

  it('takes the latest change as of the date, whatever their order', () => {
    const twice = schedule({
      baselineEnd: '2024-03-31',
      endChanges: [
        { at: Date.parse('2024-08-01T10:00+03:00'), newEnd: '2024-12-31' },
        { at: Date.parse('2024-05-10T10:00+03:00'), newEnd: '2024-09-30' },
      ],
    });
    expect(deriveActivityState(twice, [], '2024-07-01').end).toBe('2024-09-30');
    expect(deriveActivityState(twice, [], '2024-08-01')).toMatchObject({ end: '2024-12-31', slipDays: 275 });
  });

  it('can be brought forward (negative slip) or made open-ended', () => {
    const earlier = schedule({ endChanges: [{ at: Date.parse('2024-02-01T10:00+02:00'), newEnd: '2024-06-01' }] });
    expect(deriveActivityState(earlier, [], '2024-03-01').slipDays).toBe(-14);
    const open = schedule({ endChanges: [{ at: Date.parse('2024-02-01T10:00+02:00'), newEnd: null }] });
    expect(deriveActivityState(open, [], '2024-12-31')).toMatchObject({ end: null, slipDays: null, overdue: false });
  });

  it('gives no slip when there was no baseline', () => {
    const noBaseline = schedule({
      baselineEnd: null,
      endChanges: [{ at: Date.parse('2024-02-01T10:00+02:00'), newEnd: '2024-06-01' }],
    });
    expect(deriveActivityState(noBaseline, [], '2024-06-02')).toMatchObject({ end: '2024-06-01', slipDays: null, overdue: true });
  });
});

describe('quarters and leap years', () => {
  it('is due this quarter on 31.03 and overdue, from the previous quarter, on 01.04', () => {
    const endsMarch = schedule({ baselineEnd: '2024-03-31' });
    expect(deriveActivityState(endsMarch, [], '2024-03-31')).toMatchObject({ dueThisQuarter: true, overdue: false });
    expect(deriveActivityState(endsMarch, [], '2024-04-01')).toMatchObject({
      dueThisQuarter: false,
      overdue: true,
      daysOverdue: 1,
    });
  });

  it('is due this quarter for an end anywhere in the quarter of the as-of day, and no other', () => {
    const due = (baselineEnd: string, asOf: string) => deriveActivityState(schedule({ start: null, baselineEnd }), [], asOf).dueThisQuarter;
    expect([due('2024-06-30', '2024-04-01'), due('2024-04-01', '2024-06-30'), due('2024-02-29', '2024-01-15')]).toEqual([true, true, true]);
    expect([due('2024-04-01', '2024-03-31'), due('2024-03-31', '2024-04-01'), due('2023-06-30', '2024-06-30')]).toEqual([false, false, false]);
  });

  it('is due this quarter when overdue earlier in the same quarter', () => {
    expect(deriveActivityState(schedule(), [], '2024-06-30')).toMatchObject({ dueThisQuarter: true, overdue: true });
  });

  it('counts across 29 February', () => {
    const leap = schedule({ baselineEnd: '2024-02-29' });
    expect(deriveActivityState(leap, [], '2024-02-29').overdue).toBe(false);
    expect(deriveActivityState(leap, [], '2024-03-01').daysOverdue).toBe(1);
    expect(deriveActivityState(schedule({ baselineEnd: '2024-02-28' }), [], '2024-03-01').daysOverdue).toBe(2);
    expect(deriveActivityState(schedule({ baselineEnd: '2023-02-28' }), [], '2023-03-01').daysOverdue).toBe(1);
  });
});

describe('urgency', () => {
  it('orders overdue, due within 30 days, in progress, the rest, then done and cancelled', () => {
    const asOf = '2024-06-30';
    const cases: [string, ActivitySchedule, StatusEvent[]][] = [
      ['cancelled', schedule({ baselineEnd: '2024-01-31' }), [event('2024-02-01T10:00+02:00', 'cancelled')]],
      ['planned in 90 days', schedule({ baselineEnd: '2024-09-28' }), []],
      ['in progress, ongoing', schedule({ ongoing: true, baselineEnd: null }), [event('2024-04-01T10:00+03:00', 'in_progress', 50)]],
      ['done', schedule(), [event('2024-06-01T10:00+03:00', 'done')]],
      ['overdue 3 days', schedule({ baselineEnd: '2024-06-27' }), [event('2024-04-01T10:00+03:00', 'in_progress', 50)]],
      ['in progress in 90 days', schedule({ baselineEnd: '2024-09-28' }), [event('2024-04-01T10:00+03:00', 'in_progress', 10)]],
      ['due in 25 days', schedule({ baselineEnd: '2024-07-25' }), [event('2024-04-01T10:00+03:00', 'in_progress', 50)]],
      ['overdue 200 days', schedule({ baselineEnd: '2023-12-13' }), []],
      ['due in 30 days, postponed', schedule({ baselineEnd: '2024-07-30' }), [event('2024-04-01T10:00+03:00', 'postponed')]],
      ['due today', schedule({ baselineEnd: '2024-06-30' }), []],
      ['planned, no end', schedule({ baselineEnd: null }), []],
      ['planned in 31 days', schedule({ baselineEnd: '2024-07-31' }), []],
    ];
    const sorted = cases
      .map(([name, s, events]) => ({ name, urgency: deriveActivityState(s, events, asOf).urgency }))
      .sort((a, b) => a.urgency - b.urgency)
      .map((c) => c.name);
    expect(sorted).toEqual([
      'overdue 200 days',
      'overdue 3 days',
      'due today',
      'due in 25 days',
      'due in 30 days, postponed',
      'in progress in 90 days',
      'in progress, ongoing',
      'planned in 31 days',
      'planned in 90 days',
      'planned, no end',
      // done and cancelled share the last place
      expect.stringMatching(/^(cancelled|done)$/),
      expect.stringMatching(/^(cancelled|done)$/),
    ]);
  });

  it('ranks an ongoing activity past its end by its status, not as overdue', () => {
    const ongoingPast = deriveActivityState(schedule({ ongoing: true }), [], '2024-12-31');
    const dueSoon = deriveActivityState(schedule({ baselineEnd: '2025-01-20' }), [], '2024-12-31');
    expect(ongoingPast.urgency).toBeGreaterThan(dueSoon.urgency);
  });
});
