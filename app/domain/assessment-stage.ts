/**
 * The stages of a self-assessment: draft -> scoring (each member alone) -> consensus (the
 * group agrees) -> approved. The chair moves it one stage on, or reopens the stage before.
 * Pure: the model checks the facts (members, consensus scores) and records the change.
 */
export const ASSESSMENT_STAGES = ['draft', 'scoring', 'consensus', 'approved'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

/** What the model knows when a stage change is asked for. */
export type StageFacts = {
  /** People in the group (the chair included). */
  members: number;
  /** Sub-criteria with a recorded consensus score (all of them needed to approve). */
  consensusScored: number;
  /** Sub-criteria in the model (28). */
  subCriteria: number;
};

export type StageRefusal = 'asStageNotNext' | 'asStageNoMembers' | 'asStageConsensusMissing';

export function nextStage(stage: AssessmentStage): AssessmentStage | null {
  return ASSESSMENT_STAGES[ASSESSMENT_STAGES.indexOf(stage) + 1] ?? null;
}

export function previousStage(stage: AssessmentStage): AssessmentStage | null {
  return ASSESSMENT_STAGES[ASSESSMENT_STAGES.indexOf(stage) - 1] ?? null;
}

/**
 * Whether the assessment may go from `from` to `to`: one stage on (scoring needs a group
 * besides the chair, approval a consensus score on every sub-criterion), or one stage back
 * (reopening). Null when it may, otherwise why not.
 */
export function stageChangeRefusal(from: AssessmentStage, to: AssessmentStage, facts: StageFacts): StageRefusal | null {
  if (to === previousStage(from)) return null;
  if (to !== nextStage(from)) return 'asStageNotNext';
  if (to === 'scoring' && facts.members < 2) return 'asStageNoMembers';
  if (to === 'approved' && facts.consensusScored < facts.subCriteria) return 'asStageConsensusMissing';
  return null;
}

/** The scoring system is chosen in the draft and fixed once anyone has scored. */
export function canChangeSystem(stage: AssessmentStage, anyScore: boolean): boolean {
  return stage === 'draft' && !anyScore;
}
