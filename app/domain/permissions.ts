/**
 * Roles and what each may do. The single place that answers "may this user do X";
 * loaders and actions call requirePermission() with one of these permissions.
 */
import { commonWords } from '../i18n/common';

export const ROLES = ['admin', 'secretary', 'head', 'viewer'] as const;
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  secretary: ['plan:read', 'plan:import', 'plan:edit', 'plan:delete', 'status:update-any', 'report:export', 'owners:manage'],
  head: ['plan:read', 'status:update-own', 'report:export'],
  viewer: ['plan:read', 'report:export'],
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
