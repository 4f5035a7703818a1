import { describe, expect, it } from 'vitest';
import { areaState } from '~/domain/area-state';

const none = { counted: 10, overdue: 0, lateStart: 0, oldestDaysOverdue: null };

describe('areaState (red/amber/green)', () => {
  it('is green with nothing overdue and no late start, also when empty', () => {
    expect(areaState(none)).toBe('green');
    expect(areaState({ ...none, counted: 0 })).toBe('green');
  });
  it('is amber with a late start, or a few activities overdue by 30 days at most', () => {
    expect(areaState({ ...none, lateStart: 1 })).toBe('amber');
    expect(areaState({ ...none, overdue: 2, oldestDaysOverdue: 30 })).toBe('amber');
    // exactly 25% overdue is not more than 25%
    expect(areaState({ counted: 8, overdue: 2, lateStart: 0, oldestDaysOverdue: 5 })).toBe('amber');
  });
  it('is red with an activity more than 30 days late', () => {
    expect(areaState({ ...none, overdue: 1, oldestDaysOverdue: 31 })).toBe('red');
  });
  it('is red with more than 25% of the counted activities overdue', () => {
    expect(areaState({ counted: 7, overdue: 2, lateStart: 0, oldestDaysOverdue: 1 })).toBe('red');
  });
});
