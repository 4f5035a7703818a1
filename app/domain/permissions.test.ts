import { describe, expect, it } from 'vitest';
import { assessmentAccess, can, canUpdateStatus, PERMISSIONS, permissionsOf, ROLES } from './permissions';

describe('permission map', () => {
  it('gives the admin every permission', () => {
    for (const permission of PERMISSIONS) expect(can('admin', permission)).toBe(true);
  });

  it('lets the secretary import, edit, export and manage owners but not accounts', () => {
    expect(can('secretary', 'plan:import')).toBe(true);
    expect(can('secretary', 'plan:edit')).toBe(true);
    expect(can('secretary', 'report:export')).toBe(true);
    expect(can('secretary', 'owners:manage')).toBe(true);
    expect(can('secretary', 'users:manage')).toBe(false);
  });

  it('lets a head read everything but update only their own activities', () => {
    expect(permissionsOf('head')).toEqual(['plan:read', 'status:update-own', 'report:export', 'assessment:list', 'assessment:read']);
    expect(canUpdateStatus('head', true)).toBe(true);
    expect(canUpdateStatus('head', false)).toBe(false);
    expect(can('head', 'plan:import')).toBe(false);
    expect(can('head', 'plan:edit')).toBe(false);
  });

  it('keeps the viewer read-only', () => {
    expect(canUpdateStatus('viewer', true)).toBe(false);
    for (const permission of ['plan:import', 'plan:edit', 'owners:manage', 'users:manage'] as const) {
      expect(can('viewer', permission)).toBe(false);
    }
  });

  it('lets every role but the assessor read the plans, and every role see the self-assessments page', () => {
    for (const role of ROLES) expect(can(role, 'plan:read')).toBe(role !== 'assessor');
    for (const role of ROLES) expect(can(role, 'assessment:list')).toBe(true);
  });
});

describe('self-assessment access', () => {
  it('gives the assessor no plan pages, only the self-assessments they are in', () => {
    expect(permissionsOf('assessor')).toEqual(['assessment:list']);
    expect(assessmentAccess('assessor', 'member', 'scoring', 'score')).toBe('allowed');
    expect(assessmentAccess('assessor', null, 'approved', 'view')).toBe('forbidden');
  });

  it('lets members score only in the scoring stage and see the others only from consensus on', () => {
    expect(assessmentAccess('head', 'member', 'draft', 'score')).toBe('wrong-stage');
    expect(assessmentAccess('head', 'member', 'consensus', 'score')).toBe('wrong-stage');
    expect(assessmentAccess('head', 'member', 'scoring', 'see-scores')).toBe('wrong-stage');
    expect(assessmentAccess('head', 'member', 'consensus', 'see-scores')).toBe('allowed');
    expect(assessmentAccess('head', 'member', 'consensus', 'see-consensus')).toBe('allowed');
  });

  it('keeps consensus, approval, stages and the group to the chair', () => {
    for (const action of ['run-consensus', 'approve', 'change-stage', 'edit-group'] as const) {
      expect(assessmentAccess('admin', 'member', 'consensus', action)).toBe('forbidden');
      expect(assessmentAccess('secretary', 'chair', 'consensus', action)).toBe('allowed');
    }
    expect(assessmentAccess('secretary', 'chair', 'scoring', 'approve')).toBe('wrong-stage');
  });

  it('lets viewers and heads outside the group read approved self-assessments only, never the members\' own scores', () => {
    for (const role of ['viewer', 'head', 'admin'] as const) {
      expect(assessmentAccess(role, null, 'consensus', 'view')).toBe('forbidden');
      expect(assessmentAccess(role, null, 'approved', 'view')).toBe('allowed');
      expect(assessmentAccess(role, null, 'approved', 'see-consensus')).toBe('allowed');
      expect(assessmentAccess(role, null, 'approved', 'see-scores')).toBe('forbidden');
      expect(assessmentAccess(role, null, 'scoring', 'score')).toBe('forbidden');
    }
  });

  it('lets the chair, or a secretary or admin, prioritise an approved self-assessment; the others who read it see the priorities', () => {
    expect(assessmentAccess('secretary', 'chair', 'approved', 'prioritise')).toBe('allowed');
    expect(assessmentAccess('secretary', 'chair', 'consensus', 'prioritise')).toBe('wrong-stage');
    expect(assessmentAccess('admin', null, 'approved', 'prioritise')).toBe('allowed');
    expect(assessmentAccess('admin', null, 'consensus', 'prioritise')).toBe('forbidden');
    expect(assessmentAccess('head', 'member', 'approved', 'prioritise')).toBe('forbidden');
    expect(assessmentAccess('viewer', null, 'approved', 'prioritise')).toBe('forbidden');
    expect(assessmentAccess('viewer', null, 'approved', 'see-priorities')).toBe('allowed');
    expect(assessmentAccess('viewer', null, 'consensus', 'see-priorities')).toBe('forbidden');
    expect(assessmentAccess('head', 'member', 'consensus', 'see-priorities')).toBe('wrong-stage');
    expect(assessmentAccess('assessor', 'member', 'approved', 'see-priorities')).toBe('allowed');
  });

  it('lets only the chair who may edit plans, or an admin, draft a plan from an approved self-assessment', () => {
    expect(assessmentAccess('secretary', 'chair', 'approved', 'draft-plan')).toBe('allowed');
    expect(assessmentAccess('secretary', 'chair', 'consensus', 'draft-plan')).toBe('wrong-stage');
    expect(assessmentAccess('admin', null, 'approved', 'draft-plan')).toBe('allowed');
    expect(assessmentAccess('secretary', null, 'approved', 'draft-plan')).toBe('forbidden');
    expect(assessmentAccess('secretary', 'member', 'approved', 'draft-plan')).toBe('forbidden');
    expect(assessmentAccess('viewer', 'chair', 'approved', 'draft-plan')).toBe('forbidden');
    expect(assessmentAccess('head', 'member', 'approved', 'draft-plan')).toBe('forbidden');
  });
});
