/**
 * Walks every route's loader and action as every role and compares the outcome with the
 * permission map in app/domain/permissions.ts. A route file without an entry here fails the
 * test, so a new route cannot skip the check.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { can, type Permission, type Role } from '~/domain/permissions';
import { unsubscribeToken } from '~/unsubscribe.server';
import { SUB_CRITERIA } from '~/domain/assessment-scoring';
import { addMember, changeStage, createAssessment } from '~/models/assessment.server';
import { saveSheet } from '~/models/assessment-sheet.server';
import { seedDemo } from '../db/seed';
import { activities, statusUpdates, users, type User } from '../db/schema';
import { getDb } from '../db/client';
import { call, makeRequest } from './helpers';

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const modules = import.meta.glob<RouteModule>('../app/routes/*.tsx', { eager: true });

/**
 * Who may do what: a permission of the map, 'user' (any signed-in user), 'public' (no login),
 * 'own-status' (status:update-any, or status:update-own on an activity of one's owners), or of a
 * self-assessment: 'as-member' (in its group), 'as-chair', 'as-reader' (in its group, or
 * assessment:read: the approved one), 'as-prioritiser' (the chair, or assessment:create: the approved one),
 * 'as-plan-drafter' (the chair who has plan:edit, or an admin: the approved one).
 */
type Rule = Permission | 'user' | 'public' | 'own-status' | 'as-member' | 'as-chair' | 'as-reader' | 'as-prioritiser' | 'as-plan-drafter';
type Entry = {
  path: (ids: Ids) => string;
  params?: (ids: Ids) => Record<string, string>;
  loader?: Rule;
  /** Action intents and the rule each follows. */
  actions?: Record<string, Rule>;
};
type Ids = { planId: number; activityId: number; updateId: number; unsubscribeToken: string; scoring: number; consensus: number; approved: number };

const ROUTES: Record<string, Entry> = {
  '$': { path: () => '/no-such-page', params: () => ({ '*': 'no-such-page' }), loader: 'public' },
  _index: { path: () => '/', loader: 'user' },
  login: { path: () => '/login', loader: 'public', actions: { '': 'public' } },
  logout: { path: () => '/logout', loader: 'public', actions: { '': 'public' } },
  language: { path: () => '/language', loader: 'public', actions: { '': 'public' } },
  'plans._index': { path: () => '/plans', loader: 'plan:read' },
  'plans.$planId': {
    path: (i) => `/plans/${i.planId}`,
    params: (i) => ({ planId: String(i.planId) }),
    loader: 'plan:read',
    actions: { close: 'plan:edit', reopen: 'plan:edit', approve: 'plan:edit', delete: 'plan:delete' },
  },
  'plans.$planId_.structure': {
    path: (i) => `/plans/${i.planId}/structure`,
    params: (i) => ({ planId: String(i.planId) }),
    loader: 'plan:edit',
    actions: { add: 'plan:edit', edit: 'plan:edit', move: 'plan:edit', archive: 'plan:edit', restore: 'plan:edit' },
  },
  'plans.$planId_.plan[.xlsx]': { path: (i) => `/plans/${i.planId}/plan.xlsx`, params: (i) => ({ planId: String(i.planId) }), loader: 'report:export' },
  'plans.$planId[.csv]': { path: (i) => `/plans/${i.planId}.csv`, params: (i) => ({ planId: String(i.planId) }), loader: 'report:export' },
  'plans.import': { path: () => '/plans/import', loader: 'plan:import', actions: { confirm: 'plan:import', cancel: 'plan:import', remap: 'plan:import', unmap: 'plan:import' } },
  'assessments.import': { path: () => '/assessments/import', loader: 'assessment:create', actions: { confirm: 'assessment:create', discard: 'assessment:create' } },
  // An approved self-assessment's report: readable by its group (an assessor in it too) and every role with assessment:read.
  'assessments.$assessmentId.report': {
    path: (i) => `/assessments/${i.approved}/report`,
    params: (i) => ({ assessmentId: String(i.approved) }),
    loader: 'as-reader',
  },
  'assessments.$assessmentId.report[.xlsx]': {
    path: (i) => `/assessments/${i.approved}/report.xlsx`,
    params: (i) => ({ assessmentId: String(i.approved) }),
    loader: 'as-reader',
  },
  'activities._index': { path: () => '/activities', loader: 'plan:read' },
  'activities.$activityId': {
    path: (i) => `/activities/${i.activityId}`,
    params: (i) => ({ activityId: String(i.activityId) }),
    loader: 'plan:read',
    actions: { status: 'own-status', edit: 'plan:edit', reschedule: 'plan:edit' },
  },
  'activities.$activityId.evidence.$updateId': {
    path: (i) => `/activities/${i.activityId}/evidence/${i.updateId}`,
    params: (i) => ({ activityId: String(i.activityId), updateId: String(i.updateId) }),
    loader: 'plan:read',
  },
  my: { path: () => '/my', loader: 'plan:read', actions: { status: 'own-status' } },
  dashboard: { path: () => '/dashboard', loader: 'plan:read' },
  updates: { path: () => '/updates?area=1&page=2', loader: 'plan:read' },
  'reports._index': { path: () => '/reports', loader: 'report:export' },
  'reports.$planId[.xlsx]': {
    path: (i) => `/reports/${i.planId}.xlsx?period=2023-Q3`,
    params: (i) => ({ planId: String(i.planId) }),
    loader: 'report:export',
  },
  'reports.$planId.print': {
    path: (i) => `/reports/${i.planId}/print?period=2023-Q3`,
    params: (i) => ({ planId: String(i.planId) }),
    loader: 'report:export',
  },
  'reports.import': { path: () => '/reports/import', loader: 'status:update-own', actions: { apply: 'status:update-own', discard: 'status:update-own' } },
  'admin.users': { path: () => '/admin/users', loader: 'users:manage', actions: { create: 'users:manage', update: 'users:manage' } },
  'admin.owners': {
    path: () => '/admin/owners',
    loader: 'owners:manage',
    actions: { merge: 'owners:manage', rename: 'owners:manage', link: 'owners:manage', unlink: 'owners:manage' },
  },
  'admin.reminders': { path: () => '/admin/reminders', loader: 'users:manage', actions: { days: 'users:manage', retry: 'users:manage', run: 'users:manage' } },
  notifications: { path: () => '/notifications', loader: 'user', actions: { read: 'user', all: 'user', open: 'user' } },
  settings: { path: () => '/settings', loader: 'user', actions: { reminders: 'user', updates: 'plan:edit' } },
  calendar: { path: () => '/calendar', loader: 'user', actions: { create: 'user', revoke: 'user' } },
  'calendar.$token[.ics]': { path: () => '/calendar/not-a-token.ics', params: () => ({ token: 'not-a-token' }), loader: 'public' },
  'assessments._index': { path: () => '/assessments', loader: 'assessment:list' },
  'assessments.new': { path: () => '/assessments/new', loader: 'assessment:create', actions: { '': 'assessment:create' } },
  // The approved one: its group, and readers outside it.
  'assessments.$assessmentId._index': {
    path: (i) => `/assessments/${i.approved}`,
    params: (i) => ({ assessmentId: String(i.approved) }),
    loader: 'as-reader',
    actions: { stage: 'as-chair', settings: 'as-chair' },
  },
  'assessments.$assessmentId.group': {
    path: (i) => `/assessments/${i.scoring}/group`,
    params: (i) => ({ assessmentId: String(i.scoring) }),
    loader: 'as-member',
    actions: { add: 'as-chair', remove: 'as-chair' },
  },
  'assessments.$assessmentId.score.$code': {
    path: (i) => `/assessments/${i.scoring}/score/2.3`,
    params: (i) => ({ assessmentId: String(i.scoring), code: '2.3' }),
    loader: 'as-member',
    actions: { save: 'as-member' },
  },
  'assessments.$assessmentId.consensus._index': {
    path: (i) => `/assessments/${i.consensus}/consensus`,
    params: (i) => ({ assessmentId: String(i.consensus) }),
    loader: 'as-member',
  },
  'assessments.$assessmentId.consensus.$code': {
    path: (i) => `/assessments/${i.consensus}/consensus/2.3`,
    params: (i) => ({ assessmentId: String(i.consensus), code: '2.3' }),
    loader: 'as-member',
    actions: { save: 'as-chair' },
  },
  'assessments.$assessmentId.priorities': {
    path: (i) => `/assessments/${i.approved}/priorities`,
    params: (i) => ({ assessmentId: String(i.approved) }),
    loader: 'as-reader',
    actions: { rate: 'as-prioritiser', link: 'as-prioritiser', unlink: 'as-prioritiser', gap: 'as-prioritiser', 'draft-plan': 'as-plan-drafter' },
  },
  // The CAF cycle of a self-assessment: every role with assessment:read sees it, secretaries and admins record its steps.
  'cycle._index': {
    path: (i) => `/cycle?assessment=${i.approved}`,
    loader: 'assessment:read',
    actions: { record: 'assessment:create', clear: 'assessment:create' },
  },
  'cycle.print': { path: (i) => `/cycle/print?assessment=${i.approved}`, loader: 'assessment:read' },
  'cycle.$assessmentId.evidence.$step': {
    path: (i) => `/cycle/${i.approved}/evidence/organise`,
    params: (i) => ({ assessmentId: String(i.approved), step: 'organise' }),
    loader: 'assessment:read',
  },
  // Public, but acts only on a valid signed link (the viewer's here); the tampered ones are tested below.
  'unsubscribe.$token': {
    path: (i) => `/unsubscribe/${i.unsubscribeToken}`,
    params: (i) => ({ token: i.unsubscribeToken }),
    loader: 'public',
    actions: { '': 'public' },
  },
};

/**
 * The demo's users: a head of the activity's owners ("own") and one of another owner ("other");
 * in the self-assessments (`group`) the secretary chairs, the head of the activity and an
 * assessor are members, the others are outside.
 */
type Group = 'chair' | 'member' | null;
const ACTORS: { name: string; email: string; role: Role; own: boolean; group: Group }[] = [
  { name: 'admin', email: 'admin@demo.bg', role: 'admin', own: false, group: null },
  { name: 'secretary', email: 'secretary@demo.bg', role: 'secretary', own: false, group: 'chair' },
  { name: 'head (own activity)', email: 'head@demo.bg', role: 'head', own: true, group: 'member' },
  { name: 'head (other owner)', email: 'other.head@demo.bg', role: 'head', own: false, group: null },
  { name: 'viewer', email: 'viewer@demo.bg', role: 'viewer', own: false, group: null },
  { name: 'assessor', email: 'assessor@demo.bg', role: 'assessor', own: false, group: 'member' },
];

function allowed(rule: Rule, role: Role, own: boolean, group: Group): boolean {
  if (rule === 'public' || rule === 'user') return true;
  if (rule === 'as-member') return group !== null;
  if (rule === 'as-chair') return group === 'chair';
  if (rule === 'as-reader') return group !== null || can(role, 'assessment:read');
  if (rule === 'as-prioritiser') return group === 'chair' || can(role, 'assessment:create');
  if (rule === 'as-plan-drafter') return (group === 'chair' && can(role, 'plan:edit')) || role === 'admin';
  if (rule === 'own-status') return can(role, 'status:update-any') || (own && can(role, 'status:update-own'));
  if (rule === 'status:update-own') return can(role, 'status:update-own') || can(role, 'status:update-any');
  return can(role, rule);
}

let ids: Ids;
const actors = new Map<string, User>();

beforeAll(async () => {
  await seedDemo();
  const db = getDb();
  // An activity owned only by "директори на дирекции" (head@demo.bg), not by "експерт ИТ".
  const activity = db.select().from(activities).where(eq(activities.code, '2.1.1')).get()!;
  const { createUser } = await import('~/models/user.server');
  const itOwner = db.$client.prepare("select id from owners where name = 'експерт ИТ'").get() as { id: number };
  await createUser({ email: 'other.head@demo.bg', name: 'Друг директор', role: 'head', password: 'other-head-password', ownerIds: [itOwner.id] });
  const update = db.select().from(statusUpdates).where(eq(statusUpdates.activityId, activity.id)).get()!;
  const viewer = db.select().from(users).where(eq(users.email, 'viewer@demo.bg')).get()!;
  await createUser({ email: 'assessor@demo.bg', name: 'Оценител', role: 'assessor', password: 'assessor-password', ownerIds: [] });
  for (const actor of ACTORS) actors.set(actor.name, db.select().from(users).where(eq(users.email, actor.email)).get()!);
  ids = {
    planId: activity.planId,
    activityId: activity.id,
    updateId: update.id,
    unsubscribeToken: unsubscribeToken(viewer.id),
    scoring: assessmentIn('scoring'),
    consensus: assessmentIn('consensus'),
    approved: assessmentIn('approved'),
  };
});

/** A self-assessment the secretary chairs, with the head of the activity and the assessor in its group, brought to a stage. */
function assessmentIn(stage: 'scoring' | 'consensus' | 'approved'): number {
  const chair = actors.get('secretary')!;
  const id = createAssessment(chair, { title: `Самооценка (${stage})`, period: '2024', scoringSystem: 'classical' });
  for (const member of ['head (own activity)', 'assessor']) addMember(chair, id, actors.get(member)!.id);
  const stages = ['scoring', 'consensus', 'approved'] as const;
  for (const to of stages.slice(0, stages.indexOf(stage) + 1)) {
    if (to === 'approved') for (const sub of SUB_CRITERIA) saveSheet(chair, { id, scoringSystem: 'classical' }, sub.code, null, 0, { scores: { score: 50 }, items: { evidence: [], strength: [], improvement: [] } });
    expect(changeStage(chair, id, to)).toEqual({ ok: true });
  }
  return id;
}

describe('authorization walk over every route', () => {
  it('has an entry for every route file, and every loader and action is covered', () => {
    const files = Object.keys(modules).map((file) => path.basename(file, '.tsx'));
    expect(files.sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [file, module] of Object.entries(modules)) {
      const entry = ROUTES[path.basename(file, '.tsx')]!;
      expect(Boolean(module.loader), `${file} loader`).toBe(Boolean(entry.loader));
      expect(Boolean(module.action), `${file} action`).toBe(Boolean(entry.actions));
    }
  });

  for (const [name, entry] of Object.entries(ROUTES)) {
    const module = () => modules[`../app/routes/${name}.tsx`]!;

    if (entry.loader && entry.loader !== 'public') {
      it(`${name}: sends signed-out visitors to the login page`, async () => {
        const response = await call(module().loader as never, await makeRequest(entry.path(ids)), entry.params?.(ids));
        expect(response.status).toBe(302);
        expect(response.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
      });
    }

    for (const actor of ACTORS) {
      if (entry.loader) {
        const rule = entry.loader;
        it(`${name}: loader as ${actor.name} is ${allowed(rule, actor.role, actor.own, actor.group) ? 'allowed' : 'refused'}`, async () => {
          const request = await makeRequest(entry.path(ids), { user: actors.get(actor.name) });
          const response = await call(module().loader as never, request, entry.params?.(ids));
          if (allowed(rule, actor.role, actor.own, actor.group)) expect(response.status, await response.clone().text()).not.toBe(403);
          else expect(response.status).toBe(403);
        });
      }
      for (const [intent, rule] of Object.entries(entry.actions ?? {})) {
        it(`${name}: action ${intent || '(post)'} as ${actor.name} is ${allowed(rule, actor.role, actor.own, actor.group) ? 'allowed' : 'refused'}`, async () => {
          const form: Record<string, string> = { intent, activityId: String(ids.activityId), status: 'in_progress', percent: '5' };
          const request = await makeRequest(entry.path(ids), { user: actors.get(actor.name), form });
          const response = await call(module().action as never, request, entry.params?.(ids));
          if (allowed(rule, actor.role, actor.own, actor.group)) expect(response.status, await response.clone().text()).not.toBe(403);
          else expect(response.status).toBe(403);
        });
      }
    }
  }

  it('refuses every mutating request from another site, whatever the role', async () => {
    for (const [name, entry] of Object.entries(ROUTES)) {
      for (const intent of Object.keys(entry.actions ?? {})) {
        if (['login', 'logout', 'language'].includes(name) && intent !== '') continue;
        // The one-click POST comes from the mail provider, not from this site: the signature is the credential (below).
        if (name === 'unsubscribe.$token') continue;
        const request = await makeRequest(entry.path(ids), {
          user: actors.get('admin'),
          form: { intent },
          headers: { Origin: 'https://evil.example' },
        });
        const response = await call(modules[`../app/routes/${name}.tsx`]!.action as never, request, entry.params?.(ids));
        expect(response.status, `${name} ${intent}`).toBe(403);
      }
    }
  });

  it('unsubscribe.$token: refuses a tampered, foreign or oversized link with 403 and writes nothing; a valid one switches off only its own user', async () => {
    const sqlite = getDb().$client;
    const head = actors.get('head (own activity)')!;
    // (The walk over the settings form above switched everyone's reminders off.)
    getDb().update(users).set({ remindersEnabled: true }).run();
    const valid = unsubscribeToken(head.id);
    const [id, signature] = valid.split('.') as [string, string];
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const bad = [
      `${id}.${flipped}`, // tampered signature
      `${actors.get('admin')!.id}.${signature}`, // another user's id with this signature
      `${id}.${signature}x`,
      `${id}`,
      `0${valid}`,
      'x'.repeat(100_000),
      `${id}.${'A'.repeat(43)}`,
    ];
    const module = modules['../app/routes/unsubscribe.$token.tsx']!;
    const changesBefore = sqlite.prepare('select total_changes()').pluck().get();
    for (const token of bad) {
      for (const [fn, form] of [
        [module.loader, undefined],
        [module.action, { 'List-Unsubscribe': 'One-Click' }],
      ] as const) {
        const request = await makeRequest(`/unsubscribe/${encodeURIComponent(token)}`, { form, headers: { Origin: 'https://mail.example' } });
        const response = await call(fn as never, request, { token });
        expect(response.status, token.slice(0, 60)).toBe(403);
      }
    }
    expect(sqlite.prepare('select total_changes()').pluck().get()).toBe(changesBefore);
    expect(getDb().select().from(users).where(eq(users.id, head.id)).get()!.remindersEnabled).toBe(true);

    // The mail provider's one-click POST: no session, another origin.
    const oneClick = await makeRequest(`/unsubscribe/${valid}`, { form: { 'List-Unsubscribe': 'One-Click' }, headers: { Origin: 'https://mail.example' } });
    expect((await call(module.action as never, oneClick, { token: valid })).status).toBe(200);
    expect(getDb().select().from(users).where(eq(users.id, head.id)).get()!.remindersEnabled).toBe(false);
    expect(getDb().select().from(users).where(eq(users.id, actors.get('admin')!.id)).get()!.remindersEnabled).toBe(true);
  });
});
