import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAF_CRITERIA } from '../../app/domain/caf2020';
import { parsePlanFile } from '../../importers';
import { ASSESSMENT_2022, ASSESSMENT_2024, CONSENSUS_2022, scoreOf, type DemoScores } from './assessment-lovech';

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

  it('the 2024 assessment is in the scoring stage: some members done, some partly, some not started; no consensus yet', () => {
    expect(ASSESSMENT_2024.stage).toBe('scoring');
    expect(ASSESSMENT_2024.consensus).toEqual([]);
    const counts = Object.fromEntries(ASSESSMENT_2024.members.map((m) => [m.key, ASSESSMENT_2024.individual.filter((i) => i.member === m.key).length]));
    expect(counts).toEqual({ petrova: 28, georgiev: 20, dimitrov: 11, nikolova: 5, ilieva: 0, marinova: 0 });
    for (const { code, scores } of ASSESSMENT_2024.individual) expect('phases' in scores, code).toBe(!isResult(code));
  });
});
