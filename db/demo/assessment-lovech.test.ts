import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAF_CRITERIA } from '../../app/domain/caf2020';
import { parsePlanFile } from '../../importers';
import { ASSESSMENT_2022, ASSESSMENT_2024, CONSENSUS_2022, CONSENSUS_2024, runningAssessment, scoreOf, type DemoScores } from './assessment-lovech';
import { currentLovechPlan } from './plan-lovech-2025-2027';

const CODES = CAF_CRITERIA.flatMap((c) => c.subCriteria.map((s) => s.code));
const isResult = (code: string) => Number(code[0]) >= 6;
const parts = (scores: DemoScores) => ('phases' in scores ? Object.values(scores.phases) : [scores.trends, scores.targets]);

describe('the demo self-assessments of Lovech', () => {
  it('the 2022 consensus has all 28 sub-criteria in CAF order, fine-tuned: phases for enablers, trends and targets for results', () => {
    expect(CONSENSUS_2022.map((c) => c.code)).toEqual(CODES);
    for (const { code, scores, strengths, improvements } of CONSENSUS_2022) {
      expect('phases' in scores, code).toBe(!isResult(code));
      for (const value of parts(scores)) expect(value >= 0 && value <= 100 && value % 5 === 0, code).toBe(true);
      expect(strengths.length, code).toBeGreaterThanOrEqual(1);
      expect(strengths.length, code).toBeLessThanOrEqual(4);
      expect(improvements.length, code).toBeGreaterThanOrEqual(1);
      expect(improvements.length, code).toBeLessThanOrEqual(3);
    }
  });

  it('each plan measure answers an area for improvement of the sub-criterion it refers to, and only those', async () => {
    const plan = await parsePlanFile(fs.readFileSync('db/demo/lovech-2022-2024.xlsx'), 'lovech-2022-2024.xlsx');
    const fromPlan = new Map(CODES.map((code) => [code, [] as string[]]));
    for (const measure of plan.areas.flatMap((area) => area.measures)) for (const ref of measure.cafRefs) fromPlan.get(ref)!.push(measure.code);
    expect(Object.fromEntries(CONSENSUS_2022.map((c) => [c.code, c.planMeasures]))).toEqual(Object.fromEntries(fromPlan));
  });

  it('sub-criteria the plan works on score lower than those it leaves alone (why they were chosen)', () => {
    const mean = (list: typeof CONSENSUS_2022) => list.reduce((sum, c) => sum + scoreOf(c.scores), 0) / list.length;
    const enablers = CONSENSUS_2022.filter((c) => !isResult(c.code));
    expect(mean(enablers.filter((c) => c.planMeasures.length > 0))).toBeLessThan(mean(enablers.filter((c) => c.planMeasures.length === 0)));
  });

  it('a group of six with one chair; every member scored every sub-criterion around the consensus, not all alike', () => {
    expect(ASSESSMENT_2022.members).toHaveLength(6);
    expect(ASSESSMENT_2022.members.filter((m) => m.chair)).toHaveLength(1);
    expect(ASSESSMENT_2022.individual).toHaveLength(6 * 28);
    const consensus = new Map(CONSENSUS_2022.map((c) => [c.code, parts(c.scores)]));
    for (const { member, code, scores } of ASSESSMENT_2022.individual) {
      const agreed = consensus.get(code)!;
      parts(scores).forEach((value, i) => expect(Math.abs(value - agreed[i]!), `${member} ${code}`).toBeLessThanOrEqual(30));
    }
    const of = (member: string) => ASSESSMENT_2022.individual.filter((i) => i.member === member).map((i) => parts(i.scores));
    expect(of('georgiev')).not.toEqual(of('dimitrov'));
    expect(new Set(ASSESSMENT_2022.individual.map((i) => JSON.stringify(i.scores))).size).toBeGreaterThan(100);
  });

  it('2024 is approved in January 2025 with the consensus of all 28, scored by every member of its six; the scores rose where the plan 2022-2024 worked', () => {
    expect(ASSESSMENT_2024).toMatchObject({ stage: 'approved', startedOn: '2024-10-14', approvedOn: '2025-01-13' });
    expect(CONSENSUS_2024.map((c) => c.code)).toEqual(CODES);
    expect(ASSESSMENT_2024.individual).toHaveLength(6 * 28);
    for (const [i, now] of CONSENSUS_2024.entries()) {
      const before = CONSENSUS_2022[i]!;
      expect('phases' in now.scores, now.code).toBe(!isResult(now.code));
      expect(now.strengths.length, now.code).toBeGreaterThanOrEqual(1);
      expect(now.improvements.length, now.code).toBeGreaterThanOrEqual(1);
      const rise = scoreOf(now.scores) - scoreOf(before.scores);
      expect(rise, now.code).toBeGreaterThanOrEqual(before.planMeasures.length > 0 ? 5 : -5);
      expect(rise, now.code).toBeLessThanOrEqual(before.planMeasures.length > 0 ? 25 : 10);
    }
    const rise = (worked: boolean) => {
      const pairs = CONSENSUS_2024.map((now, i) => [now, CONSENSUS_2022[i]!] as const).filter(([, before]) => before.planMeasures.length > 0 === worked);
      return pairs.reduce((sum, [now, before]) => sum + scoreOf(now.scores) - scoreOf(before.scores), 0) / pairs.length;
    };
    expect(rise(true)).toBeGreaterThan(rise(false) + 10);
  });

  it('2024 agrees again, word for word, areas of 2022 where the plan 2022-2024 had no measure or its work did not take (not addressed)', () => {
    const again = CONSENSUS_2024.filter((now) => now.improvements.some((text) => CONSENSUS_2022.find((c) => c.code === now.code)!.improvements.includes(text)));
    expect(again.length).toBeGreaterThanOrEqual(5);
    for (const now of again) {
      const before = CONSENSUS_2022.find((c) => c.code === now.code)!;
      expect(before.planMeasures.length === 0 || scoreOf(now.scores) - scoreOf(before.scores) < 10, now.code).toBe(true);
    }
  });

  it('the plan 2025-2027 answers the 2024 areas: each measure those of its CAF references, every measure at least one, a few sub-criteria left as gaps', () => {
    const plan = currentLovechPlan('2026-12-03');
    const fromPlan = new Map(CODES.map((code) => [code, [] as string[]]));
    for (const measure of plan.areas.flatMap((area) => area.measures)) for (const ref of measure.cafRefs) fromPlan.get(ref)!.push(measure.code);
    expect(Object.fromEntries(CONSENSUS_2024.map((c) => [c.code, c.planMeasures]))).toEqual(Object.fromEntries(fromPlan));
    const gaps = CONSENSUS_2024.filter((c) => c.planMeasures.length === 0);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(gaps.length).toBeLessThanOrEqual(6);
  });

  it('the self-assessment under way started 24 days before the load day, in the scoring stage: some members done, some partly, some not started', () => {
    const running = runningAssessment('2026-12-03');
    expect(running).toMatchObject({ title: 'Самооценка по модела CAF 2020 – 2026 г.', periodAssessed: '2025-2026', stage: 'scoring', startedOn: '2026-11-09', approvedOn: null, consensus: [] });
    const counts = Object.fromEntries(running.members.map((m) => [m.key, running.individual.filter((i) => i.member === m.key).length]));
    expect(counts).toEqual({ petrova: 28, georgiev: 20, dimitrov: 11, nikolova: 5, ilieva: 0, marinova: 0 });
    for (const { code, scores } of running.individual) expect('phases' in scores, code).toBe(!isResult(code));
    expect(runningAssessment('2026-12-03')).toEqual(running);
  });
});
