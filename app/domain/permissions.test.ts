import { describe, expect, it } from 'vitest';
import { can, canUpdateStatus, PERMISSIONS, permissionsOf, ROLES } from './permissions';

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
    expect(permissionsOf('head')).toEqual(['plan:read', 'status:update-own', 'report:export']);
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

  it('lets every role read', () => {
    for (const role of ROLES) expect(can(role, 'plan:read')).toBe(true);
  });
});
