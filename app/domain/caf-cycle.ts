/**
 * The ten steps of the CAF 2020 cycle of one self-assessment (a "cycle": the assessment, the
 * plans that answer its areas for improvement, and the next assessment), each with its dates,
 * evidence and status, from what the app knows and what people recorded where it cannot know
 * (the decision, the communication, the training). Pure: the model gathers the facts.
 */
import type { CycleStepWord } from '../i18n/cycle';
import type { AssessmentStage } from './assessment-stage';

/** The steps in CAF's order (step n is CYCLE_STEPS[n - 1]). */
export const CYCLE_STEPS = ['organise', 'communicate', 'group', 'train', 'assess', 'report', 'plan', 'communicate_plan', 'implement', 'next'] as const;
export type CycleStep = (typeof CYCLE_STEPS)[number];


export type CycleStatus = 'done' | 'in_progress' | 'not_started';

/** What a person recorded for a step. */
export interface CycleRecord {
  doneOn: string | null;
  note: string | null;
  evidenceUrl: string | null;
  evidenceFileName: string | null;
}

export interface CyclePlanFacts {
  id: number;
  title: string;
  /** The day it was imported or made in the app. */
  madeOn: string;
  approvedOn: string | null;
  approvedBy: string | null;
  closedOn: string | null;
  updates: number;
  lastUpdateOn: string | null;
  /** The quarters ("2023-Q2") with at least one status update: its reviews. */
  reviewedQuarters: string[];
  statusImports: number;
}

export interface CycleFacts {
  assessment: {
    id: number;
    stage: AssessmentStage;
    createdOn: string;
    createdBy: string | null;
    approvedOn: string | null;
    approvedBy: string | null;
  };
  /** The days the assessment last moved into a stage (audit log), when it did. */
  stageOn: Partial<Record<AssessmentStage, string>>;
  group: { members: number; chair: string | null };
  /** Members' sheets saved, of members x 28; consensus sheets of 28; the first day of each. */
  sheets: {
    scored: number;
    expected: number;
    firstScoredOn: string | null;
    agreed: number;
    firstAgreedOn: string | null;
  };
  priorities: { areas: number; rated: number; lastRatedOn: string | null };
  plans: CyclePlanFacts[];
  next: { id: number; title: string; createdOn: string } | null;
  records: Partial<Record<CycleStep, CycleRecord>>;
}

export type Words = {
  word: CycleStepWord;
  params?: Record<string, string | number>;
};
export type CycleEvidence = Words & { href?: string };

export interface CycleStepView {
  step: CycleStep;
  number: number;
  status: CycleStatus;
  reason: Words;
  from: string | null;
  to: string | null;
  evidence: CycleEvidence[];
  record: CycleRecord | null;
}

type Derived = Omit<CycleStepView, 'step' | 'number' | 'record'>;

const SUB_CRITERIA = 28;
const w = (word: CycleStepWord, params?: Words['params']): Words => ({
  word,
  params,
});
const derived = (status: CycleStatus, reason: Words, from: string | null = null, to: string | null = null, evidence: CycleEvidence[] = []): Derived => ({
  status,
  reason,
  from,
  to,
  evidence,
});
const STAGE_ORDER: AssessmentStage[] = ['draft', 'scoring', 'consensus', 'approved'];
const reached = (stage: AssessmentStage, at: AssessmentStage) => STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf(at);

/** A step the app cannot know: done by its record's day, else not started (the reason says why). */
function recorded(record: CycleRecord | undefined, missing: Words, evidence: CycleEvidence[] = []): Derived {
  if (record?.doneOn) return derived('done', w('cyrRecorded'), record.doneOn, null, evidence);
  return derived('not_started', missing, null, null, evidence);
}

function planEvidence(plan: CyclePlanFacts): CycleEvidence[] {
  return [
    {
      ...w(plan.approvedOn ? 'cyePlanApproved' : 'cyePlanDraft', {
        title: plan.title,
        made: plan.madeOn,
        approved: plan.approvedOn ?? '',
        by: plan.approvedBy ?? '',
      }),
      href: `/plans/${plan.id}`,
    },
  ];
}

function reviewEvidence(plan: CyclePlanFacts): CycleEvidence[] {
  const evidence: CycleEvidence[] = [
    {
      ...w('cyeUpdates', {
        title: plan.title,
        count: plan.updates,
        last: plan.lastUpdateOn ?? '—',
      }),
      href: `/updates`,
    },
  ];
  if (plan.reviewedQuarters.length > 0)
    evidence.push(
      w('cyeQuarters', {
        count: plan.reviewedQuarters.length,
        quarters: plan.reviewedQuarters.join(', '),
      }),
    );
  if (plan.statusImports > 0) evidence.push(w('cyeStatusImports', { count: plan.statusImports }));
  if (plan.closedOn) evidence.push(w('cyePlanClosed', { title: plan.title, closed: plan.closedOn }));
  return evidence;
}

const earliest = (days: (string | null | undefined)[]) => days.filter((d): d is string => !!d).sort()[0] ?? null;
const latest = (days: (string | null | undefined)[]) =>
  days
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) ?? null;

function deriveStep(step: CycleStep, facts: CycleFacts): Derived {
  const { assessment: a, sheets, group, priorities, plans, records } = facts;
  const scoringOn = facts.stageOn.scoring ?? sheets.firstScoredOn;
  const consensusOn = facts.stageOn.consensus ?? sheets.firstAgreedOn;
  const report = `/assessments/${a.id}/report`;
  switch (step) {
    case 'organise':
      return recorded(records.organise, w('cyrNotRecorded'), [w('cyeStarted', { on: a.createdOn, by: a.createdBy ?? '—' })]);
    case 'communicate':
      return recorded(records.communicate, w('cyrNotRecorded'));
    case 'group': {
      const evidence =
        group.members > 0
          ? [
              {
                ...w('cyeGroup', {
                  members: group.members,
                  chair: group.chair ?? '—',
                }),
                href: `/assessments/${a.id}/group`,
              },
            ]
          : [];
      if (group.members < 2) return derived('not_started', w('cyrNoGroup'), null, null, evidence);
      if (!reached(a.stage, 'scoring')) return derived('in_progress', w('cyrGroupDraft'), a.createdOn, null, evidence);
      return derived('done', w('cyrGroupDone', { members: group.members }), a.createdOn, scoringOn, evidence);
    }
    case 'train':
      return recorded(records.train, w('cyrNotRecorded'));
    case 'assess': {
      const evidence =
        sheets.scored > 0
          ? [
              w('cyeSheets', {
                scored: sheets.scored,
                expected: sheets.expected,
              }),
            ]
          : [];
      if (!reached(a.stage, 'scoring')) return derived('not_started', w('cyrDraft'), null, null, evidence);
      if (!reached(a.stage, 'consensus')) return derived('in_progress', w('cyrScoring', { scored: sheets.scored, expected: sheets.expected }), scoringOn, null, evidence);
      return derived('done', w('cyrScored'), scoringOn, consensusOn, evidence);
    }
    case 'report': {
      if (a.stage === 'approved') return derived('done', w('cyrApproved', { by: a.approvedBy ?? '—' }), consensusOn, a.approvedOn, [{ ...w('cyeReport', { agreed: sheets.agreed }), href: report }]);
      if (a.stage === 'consensus') return derived('in_progress', w('cyrConsensus', { agreed: sheets.agreed, total: SUB_CRITERIA }), consensusOn);
      return derived('not_started', w('cyrNoConsensus'));
    }
    case 'plan': {
      const evidence: CycleEvidence[] = [];
      if (priorities.rated > 0)
        evidence.push({
          ...w('cyePriorities', {
            rated: priorities.rated,
            areas: priorities.areas,
            last: priorities.lastRatedOn ?? '—',
          }),
          href: `/assessments/${a.id}/priorities`,
        });
      evidence.push(...plans.flatMap(planEvidence));
      if (a.stage !== 'approved') return derived('not_started', w('cyrAwaitReport'), null, null, evidence);
      const from = earliest([priorities.lastRatedOn, ...plans.map((p) => p.madeOn)]);
      if (plans.some((p) => p.approvedOn)) return derived('done', w('cyrPlanApproved'), from, earliest(plans.map((p) => p.approvedOn)), evidence);
      if (plans.length > 0) return derived('in_progress', w('cyrPlanDraft'), from, null, evidence);
      if (priorities.rated > 0)
        return derived(
          'in_progress',
          w('cyrPrioritising', {
            rated: priorities.rated,
            areas: priorities.areas,
          }),
          from,
          null,
          evidence,
        );
      return derived('not_started', w('cyrNoPlan'));
    }
    case 'communicate_plan':
      return recorded(records.communicate_plan, plans.length > 0 ? w('cyrNotRecorded') : w('cyrNoPlanYet'));
    case 'implement': {
      if (plans.length === 0) return derived('not_started', w('cyrNoPlanYet'));
      const evidence = plans.flatMap(reviewEvidence);
      const from = earliest(plans.map((p) => p.approvedOn ?? p.madeOn));
      const updates = plans.reduce((sum, p) => sum + p.updates, 0);
      if (plans.every((p) => p.closedOn)) return derived('done', w('cyrClosed'), from, latest(plans.map((p) => p.closedOn)), evidence);
      return derived(updates > 0 ? 'in_progress' : 'not_started', w(updates > 0 ? 'cyrRunning' : 'cyrNoUpdates', { updates }), updates > 0 ? from : null, null, evidence);
    }
    case 'next': {
      if (facts.next)
        return derived('done', w('cyrNextStarted'), facts.next.createdOn, null, [
          {
            ...w('cyeNext', {
              title: facts.next.title,
              on: facts.next.createdOn,
            }),
            href: `/assessments/${facts.next.id}`,
          },
        ]);
      if (records.next?.doneOn) return derived('done', w('cyrNextPlanned'), records.next.doneOn);
      return derived('not_started', w('cyrNextNone'));
    }
  }
}

/** The ten steps of the cycle, in order, each with what is known of it. */
export function deriveCycle(facts: CycleFacts): CycleStepView[] {
  return CYCLE_STEPS.map((step, index) => ({
    step,
    number: index + 1,
    ...deriveStep(step, facts),
    record: facts.records[step] ?? null,
  }));
}

/** The steps done, of ten. */
export function cycleDone(steps: CycleStepView[]): number {
  return steps.filter((step) => step.status === 'done').length;
}
