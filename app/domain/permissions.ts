/**
 * Roles and what each may do. The single place that answers "may this user do X";
 * loaders and actions call requirePermission() with one of these permissions.
 */
import { commonWords } from '../i18n/common';

/** 'assessor' only scores in the self-assessment groups they are named to: no plan pages. */
export const ROLES = ['admin', 'secretary', 'head', 'viewer', 'assessor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'plan:read', // see plans, activities, dashboards, reports
  'plan:import', // upload and re-import plans
  'plan:edit', // edit activities, reschedule, assign owners
  'plan:delete', // delete a plan (one imported by mistake) with its activities and history
  'status:update-own', // record status updates on activities of one's owners
  'status:update-any', // record status updates on any activity
  'report:export', // quarterly report, CSV, print page
  'owners:manage', // rename, merge owners, link users to owners
  'users:manage', // accounts and roles
  'assessment:list', // the self-assessments page: those one is in the group of, and the approved ones one may read
  'assessment:read', // read approved self-assessments without being in their group
  'assessment:create', // start a self-assessment and chair it
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  secretary: [
    'plan:read',
    'plan:import',
    'plan:edit',
    'plan:delete',
    'status:update-any',
    'report:export',
    'owners:manage',
    'assessment:list',
    'assessment:read',
    'assessment:create',
  ],
  head: ['plan:read', 'status:update-own', 'report:export', 'assessment:list', 'assessment:read'],
  viewer: ['plan:read', 'report:export', 'assessment:list', 'assessment:read'],
  assessor: ['assessment:list'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function canUpdateStatus(role: Role, isOwnActivity: boolean): boolean {
  return can(role, 'status:update-any') || (isOwnActivity && can(role, 'status:update-own'));
}

/** Each role's label in both languages, from the word store (role_<role>). */
export const ROLE_LABELS = Object.fromEntries(
  ROLES.map((role) => [role, { bg: commonWords.bg[`role_${role}`], en: commonWords.en[`role_${role}`] }]),
) as Record<Role, { bg: string; en: string }>;

/** A user's place in one self-assessment's group, or null when not in it. */
export type AssessmentMembership = 'chair' | 'member' | null;

/** What someone may do with one self-assessment (routes call assessmentAccess with one of these). */
export type AssessmentAction =
  | 'view' // its overview and the consensus as recorded (members in any stage; readers once approved)
  | 'own-sheet' // read one's own sheets (in any stage)
  | 'score' // write one's own sheets
  | 'see-consensus' // the agreed lists and consensus scores (members from consensus on; readers once approved)
  | 'see-scores' // every member's scores, strengths and areas for improvement
  | 'run-consensus' // record the agreed lists and scores
  | 'approve'
  | 'change-stage' // move on or reopen
  | 'edit-group' // name members, title, period, scoring system
  | 'see-priorities' // the agreed areas for improvement with their ratings and measures (once approved)
  | 'prioritise' // rate them, link them to measures, decide on gaps (the chair, or a secretary or admin, once approved)
  | 'draft-plan'; // make a draft plan from the areas chosen (the chair who may edit plans, or an admin, once approved)

type AssessmentStageName = 'draft' | 'scoring' | 'consensus' | 'approved';

/**
 * Who may do what with a self-assessment, and when: 'forbidden' (403: not for this person),
 * 'wrong-stage' (409: for this person, but not in this stage) or 'allowed'. Members score only
 * their own sheets and see only them until the chair opens consensus; only the chair runs
 * consensus, approves and changes the stage; anyone else with assessment:read (a viewer, a head
 * outside the group) reads it once approved and never sees members' own scores.
 */
export function assessmentAccess(role: Role, membership: AssessmentMembership, stage: AssessmentStageName, action: AssessmentAction): 'allowed' | 'forbidden' | 'wrong-stage' {
  const inGroup = membership !== null;
  const chair = membership === 'chair';
  const when = (ok: boolean) => (ok ? 'allowed' : 'wrong-stage');
  switch (action) {
    case 'view':
      return inGroup || (stage === 'approved' && can(role, 'assessment:read')) ? 'allowed' : 'forbidden';
    case 'own-sheet':
      return inGroup ? 'allowed' : 'forbidden';
    case 'score':
      return inGroup ? when(stage === 'scoring') : 'forbidden';
    case 'see-consensus':
      if (inGroup) return when(stage === 'consensus' || stage === 'approved');
      return stage === 'approved' && can(role, 'assessment:read') ? 'allowed' : 'forbidden';
    case 'see-scores':
      return inGroup ? when(stage === 'consensus' || stage === 'approved') : 'forbidden';
    case 'run-consensus':
    case 'approve':
      return chair ? when(stage === 'consensus') : 'forbidden';
    case 'change-stage':
      return chair ? 'allowed' : 'forbidden';
    case 'edit-group':
      return chair ? when(stage !== 'approved') : 'forbidden';
    case 'see-priorities':
      if (inGroup) return when(stage === 'approved');
      return stage === 'approved' && can(role, 'assessment:read') ? 'allowed' : 'forbidden';
    case 'prioritise':
      if (chair) return when(stage === 'approved');
      return can(role, 'assessment:create') && (inGroup || stage === 'approved') ? when(stage === 'approved') : 'forbidden';
    case 'draft-plan':
      return (chair && can(role, 'plan:edit')) || role === 'admin' ? when(stage === 'approved') : 'forbidden';
  }
}
