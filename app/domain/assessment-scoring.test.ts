import { describe, expect, it } from 'vitest';
import {
  BAND_LIMITS,
  bandIndex,
  bandText,
  criterionKind,
  criterionScore,
  dimensionsOf,
  formatScore,
  overallScore,
  sheetScore,
  spreadOf,
  SUB_CRITERIA,
} from './assessment-scoring';

describe('CAF scoring bands', () => {
  it('puts each band limit in its own band: 10 is the first, 11 the second ... 91 the last', () => {
    expect(BAND_LIMITS).toEqual([
      [0, 10],
      [11, 30],
      [31, 50],
      [51, 70],
      [71, 90],
      [91, 100],
    ]);
    expect([0, 10, 11, 30, 31, 50, 51, 70, 71, 90, 91, 100].map(bandIndex)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // A mean is rounded to the band of its nearest whole score.
    expect(bandIndex(10.4)).toBe(0);
    expect(bandIndex(10.5)).toBe(1);
  });

  it('gives enablers and results their own meanings, in both languages', () => {
    expect(bandText('score', '1.1', 25, 'en')).toMatch(/planned \(PLAN\)/);
    expect(bandText('score', '6.1', 25, 'en')).toMatch(/negative trends/);
    expect(bandText('score', '2.3', 60, 'bg')).toMatch(/CHECK/);
    expect(bandText('score', '9.2', 95, 'bg')).toMatch(/Отлични/);
    expect(bandText('plan', '3.1', 80, 'en')).toMatch(/Very strong evidence/);
    expect(bandText('trends', '7.2', 40, 'en')).toMatch(/Flat trend/);
    expect(bandText('targets', '7.2', 40, 'en')).toMatch(/few targets/);
  });
});

describe('sub-criterion scores', () => {
  it('knows criteria 1-5 as enablers and 6-9 as results, 28 sub-criteria in all', () => {
    expect(SUB_CRITERIA).toHaveLength(28);
    expect(SUB_CRITERIA.filter((sub) => criterionKind(sub.code) === 'enabler')).toHaveLength(20);
    expect(criterionKind('5.3')).toBe('enabler');
    expect(criterionKind('6.1')).toBe('result');
  });

  it('scores classical as one score and fine-tuned as PDCA (enablers) or trends and targets (results)', () => {
    expect(dimensionsOf('classical', '1.1')).toEqual(['score']);
    expect(dimensionsOf('classical', '9.1')).toEqual(['score']);
    expect(dimensionsOf('fine_tuned', '4.6')).toEqual(['plan', 'do', 'check', 'act']);
    expect(dimensionsOf('fine_tuned', '6.2')).toEqual(['trends', 'targets']);
  });

  it('takes the classical score as it is and the fine-tuned mean, only when every dimension is scored', () => {
    expect(sheetScore('classical', '1.1', { score: 45 })).toBe(45);
    expect(sheetScore('classical', '1.1', { score: null, plan: 50 })).toBeNull();
    expect(sheetScore('fine_tuned', '1.1', { plan: 40, do: 50, check: 60, act: 75 })).toBe(56.25);
    expect(sheetScore('fine_tuned', '1.1', { plan: 40, do: 50, check: 60 })).toBeNull();
    // A classical score on a fine-tuned sheet does not count, nor PDCA on a result.
    expect(sheetScore('fine_tuned', '1.1', { score: 40 })).toBeNull();
    expect(sheetScore('fine_tuned', '6.1', { plan: 40, do: 40, trends: 30, targets: 55 })).toBe(42.5);
  });

  it('makes a criterion the mean of its sub-criteria and the total the mean of the 28', () => {
    const scores = new Map<string, number | null>(SUB_CRITERIA.map((sub, i) => [sub.code, i < 4 ? 10 * (i + 1) : 50]));
    expect(criterionScore('1', scores)).toBe(25);
    expect(criterionScore('2', scores)).toBe(50);
    expect(overallScore(scores)).toBeCloseTo((10 + 20 + 30 + 40 + 24 * 50) / 28, 10);
    scores.set('9.2', null);
    expect(criterionScore('9', scores)).toBeNull();
    expect(overallScore(scores)).toBeNull();
  });

  it('shows a score with at most one decimal, in the language\'s way', () => {
    expect(formatScore(56.25, 'bg')).toBe('56,3');
    expect(formatScore(56.25, 'en')).toBe('56.3');
    expect(formatScore(60, 'bg')).toBe('60');
    expect(formatScore(null, 'en')).toBe('—');
  });

  it('measures how far members are apart', () => {
    expect(spreadOf([])).toBeNull();
    expect(spreadOf([30, 70, 50])).toEqual({ count: 3, min: 30, max: 70, mean: 50, spread: 40 });
  });
});
