import { describe, expect, it } from 'vitest';
import { canChangeSystem, nextStage, previousStage, stageChangeRefusal } from './assessment-stage';

const ready = { members: 3, consensusScored: 28, subCriteria: 28 };

describe('self-assessment stages', () => {
  it('goes draft -> scoring -> consensus -> approved, one step at a time', () => {
    expect(nextStage('draft')).toBe('scoring');
    expect(nextStage('consensus')).toBe('approved');
    expect(nextStage('approved')).toBeNull();
    expect(previousStage('draft')).toBeNull();
    expect(stageChangeRefusal('draft', 'scoring', ready)).toBeNull();
    expect(stageChangeRefusal('scoring', 'consensus', ready)).toBeNull();
    expect(stageChangeRefusal('consensus', 'approved', ready)).toBeNull();
    expect(stageChangeRefusal('draft', 'consensus', ready)).toBe('asStageNotNext');
    expect(stageChangeRefusal('draft', 'approved', ready)).toBe('asStageNotNext');
    expect(stageChangeRefusal('scoring', 'scoring', ready)).toBe('asStageNotNext');
  });

  it('reopens the stage before, from any stage', () => {
    expect(stageChangeRefusal('approved', 'consensus', ready)).toBeNull();
    expect(stageChangeRefusal('consensus', 'scoring', ready)).toBeNull();
    expect(stageChangeRefusal('scoring', 'draft', ready)).toBeNull();
    expect(stageChangeRefusal('approved', 'scoring', ready)).toBe('asStageNotNext');
  });

  it('needs a group to start scoring and every consensus score to approve', () => {
    expect(stageChangeRefusal('draft', 'scoring', { ...ready, members: 1 })).toBe('asStageNoMembers');
    expect(stageChangeRefusal('consensus', 'approved', { ...ready, consensusScored: 27 })).toBe('asStageConsensusMissing');
  });

  it('fixes the scoring system once anyone scored or scoring started', () => {
    expect(canChangeSystem('draft', false)).toBe(true);
    expect(canChangeSystem('draft', true)).toBe(false);
    expect(canChangeSystem('scoring', false)).toBe(false);
  });
});
