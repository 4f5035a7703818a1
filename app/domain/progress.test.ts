import { describe, expect, it } from 'vitest';
import { commonWords } from '../i18n/common';
import { groupBy, rollUp, rollUpBy, type ProgressItem } from './progress';

const item = (status: ProgressItem['status'], percent = 0, overdue = false): ProgressItem => ({
  status,
  percent,
  overdue,
});

describe('rollUp', () => {
  it('leaves cancelled activities out of both measures', () => {
    const progress = rollUp([
      item('done', 100),
      item('in_progress', 50, true),
      item('planned', 0, true),
      item('postponed', 20),
      item('cancelled', 70),
    ]);
    expect(progress).toEqual({
      total: 5,
      cancelled: 1,
      counted: 4,
      byStatus: { planned: 1, in_progress: 1, done: 1, postponed: 1, cancelled: 1 },
      done: 1,
      overdue: 2,
      shareDone: 0.25,
      meanPercent: (100 + 50 + 0 + 20) / 4,
    });
  });

  it('counts a done activity as 100 whatever percent it carries', () => {
    expect(rollUp([item('done', 40), item('in_progress', 0)]).meanPercent).toBe(50);
  });

  it('gives null shares when everything is cancelled or there is nothing', () => {
    const allCancelled = rollUp([item('cancelled', 30), item('cancelled')]);
    expect(allCancelled).toMatchObject({ total: 2, cancelled: 2, counted: 0, shareDone: null, meanPercent: null });
    expect(rollUp([])).toMatchObject({ total: 0, counted: 0, done: 0, overdue: 0, shareDone: null, meanPercent: null });
    expect(rollUp([]).byStatus).toEqual({ planned: 0, in_progress: 0, done: 0, postponed: 0, cancelled: 0 });
  });

  it('gives 1 and 100 when all counted activities are done', () => {
    expect(rollUp([item('done', 100), item('done', 100), item('cancelled')])).toMatchObject({
      shareDone: 1,
      meanPercent: 100,
    });
  });
});

describe('grouping', () => {
  const activities = [
    { area: '1', ...item('done') },
    { area: '2', ...item('planned', 0, true) },
    { area: '1', ...item('in_progress', 50) },
    { area: '2', ...item('cancelled') },
  ];

  it('groups by key in order of first appearance', () => {
    const groups = groupBy(activities, (a) => a.area);
    expect([...groups.keys()]).toEqual(['1', '2']);
    expect(groups.get('1')).toEqual([activities[0], activities[2]]);
  });

  it('rolls up each group', () => {
    const byArea = rollUpBy(activities, (a) => a.area);
    expect(byArea.get('1')).toMatchObject({ total: 2, shareDone: 0.5, meanPercent: 75, overdue: 0 });
    expect(byArea.get('2')).toMatchObject({ total: 2, counted: 1, shareDone: 0, meanPercent: 0, overdue: 1 });
  });
});

describe('the progress rule as the word store states it', () => {
  it('states the rule in both languages', () => {
    expect(commonWords.bg.progressRule).toContain('Отменените дейности не се броят');
    expect(commonWords.en.progressRule).toContain('Cancelled activities are not counted');
  });
});
