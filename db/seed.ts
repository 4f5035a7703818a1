import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { parsePlanFile } from '../importers';
import { addDays, daysBetween, startOfDayInSofia, todayInSofia } from '../app/domain/dates';
import type { Role } from '../app/domain/permissions';
import type { Status } from '../app/domain/status';
import { createUser } from '../app/models/user.server';
import { importPlanIntoDatabase } from '../app/models/plan-import.server';
import { sha256Hex } from '../app/models/pending-import.server';
import { setPlanClosed } from '../app/models/plan.server';
import {
  activities,
  activityOwners,
  assessmentItems,
  assessmentMembers,
  assessments,
  assessmentSheets,
  owners,
  plans,
  scheduleChanges,
  statusUpdates,
  userOwners,
  users,
} from './schema';
import { getDb, writeTransaction } from './client';
import { ASSESSMENT_2022, ASSESSMENT_2024, runningAssessment, type DemoAssessment, type DemoScores } from './demo/assessment-lovech';
import { seedPriorities } from './demo/priorities';
import { CYCLE_2022, cycle2024, cycleRunning, seedCycleSteps } from './demo/cycle-steps';
import { random } from './demo/random';
import { CURRENT_PLAN_FILE, currentLovechPlan, currentPlanYears } from './demo/plan-lovech-2025-2027';

export const DEMO_PLAN_FILE = path.resolve('db/demo/lovech-2022-2024.xlsx');
export const DEMO_ORGANIZATION = 'Областна администрация Ловеч';
export const DEMO_PASSWORD = 'demo-parola-2024';

type DemoUser = { email: string; name: string; role: Role; owners: string[] };

const PLAN_USERS: DemoUser[] = [
  { email: 'admin@demo.bg', name: 'Администратор', role: 'admin', owners: [] },
  { email: 'secretary@demo.bg', name: 'Мария Петрова', role: 'secretary', owners: ['Главен секретар'] },
  { email: 'head@demo.bg', name: 'Иван Георгиев', role: 'head', owners: ['директори на дирекции', 'директор на дирекция АПОФУС'] },
  { email: 'it@demo.bg', name: 'Петър Димитров', role: 'head', owners: ['експерт ИТ'] },
  { email: 'viewer@demo.bg', name: 'Елена Василева', role: 'viewer', owners: [] },
];

/** One account per role, and one for each member of the self-assessment groups who has no other. */
export const DEMO_USERS: DemoUser[] = [
  ...PLAN_USERS,
  ...[...ASSESSMENT_2022.members, ...ASSESSMENT_2024.members]
    .filter((member, index, all) => all.findIndex((other) => other.email === member.email) === index)
    .filter((member) => !PLAN_USERS.some((user) => user.email === member.email))
    .map((member) => ({ email: member.email, name: member.name, role: 'assessor' as const, owners: [] })),
];

export function isDatabaseEmpty(): boolean {
  const db = getDb();
  return !db.select({ id: users.id }).from(users).get() && !db.select({ id: plans.id }).from(plans).get();
}

/**
 * Loads the demo as it stands on the day (today by default): the Lovech plan 2022-2024 with its
 * accounts, history and self-assessments of 2022 and 2024 (seedLovech2022), closed on the day;
 * the plan drafted from the 2024 self-assessment, its measures linked to the areas for
 * improvement they answer, approved by the chief secretary in January of its first year and
 * running on the day with a history up to it; and the next self-assessment, started 24 days
 * before the day, in individual scoring. The same day gives the same data.
 */
export async function seedDemo(day: string = todayInSofia()): Promise<void> {
  const { planId, assessment2024 } = await seedLovech2022();
  const current = currentLovechPlan(day);
  const { first } = currentPlanYears(day);
  const currentId = importPlanIntoDatabase(current, {
    organization: DEMO_ORGANIZATION,
    fileName: CURRENT_PLAN_FILE,
    sha256: sha256Hex(Buffer.from(JSON.stringify(current))),
  });
  markDrafted(currentId, `${first}-01-15`, `${first}-01-20`);
  seedPriorities(assessment2024, currentId, ASSESSMENT_2024, 2024, false);
  seedCycleSteps(assessment2024, cycle2024(first));
  seedRunningHistory(currentId, day);
  const running = runningAssessment(day);
  seedCycleSteps(seedAssessment(running, 2026), cycleRunning(running.startedOn));
  const admin = getDb().select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get()!;
  setPlanClosed(planId, day, admin.id);
}

/**
 * The plan as if drafted in the app from the self-assessment and approved there (not imported):
 * made on the day drafted, approved by the chief secretary (the chair) on the day approved.
 */
function markDrafted(planId: number, draftedOn: string, approvedOn: string): void {
  writeTransaction((tx) => {
    const secretary = tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'secretary@demo.bg')).get()!;
    tx.update(plans)
      .set({
        status: 'approved',
        approvedBy: secretary.name,
        approvedByUserId: secretary.id,
        approvedOn,
        sourceFileName: null,
        sourceSha256: null,
        importedAt: null,
        createdAt: new Date(startOfDayInSofia(draftedOn) + 1000 * 60 * 60 * 11),
      })
      .where(eq(plans.id, planId))
      .run();
  });
}

/**
 * The first part of the demo, still open (the tests of what happens on that plan start from it):
 * the Lovech plan 2022-2024 through the importer, one account per role, its status history and
 * the self-assessments of 2022 and 2024 (the 2022 one linked to the plan). Returns the plan's id
 * and the 2024 self-assessment's.
 */
export async function seedLovech2022(): Promise<{ planId: number; assessment2024: number }> {
  const bytes = fs.readFileSync(DEMO_PLAN_FILE);
  const parsed = await parsePlanFile(bytes, path.basename(DEMO_PLAN_FILE));
  const planId = importPlanIntoDatabase(parsed, {
    organization: DEMO_ORGANIZATION,
    fileName: path.basename(DEMO_PLAN_FILE),
    sha256: sha256Hex(bytes),
    approvedBy: 'Виктор Стойчев, областен управител',
    approvedOn: '2022-03-10',
  });
  const db = getDb();
  for (const demo of DEMO_USERS) {
    const ownerIds = demo.owners.map((name) => {
      const owner = db.select({ id: owners.id }).from(owners).where(eq(owners.name, name)).get();
      if (!owner) throw new Error(`Demo owner "${name}" is not in the demo plan`);
      return owner.id;
    });
    await createUser({ email: demo.email, name: demo.name, role: demo.role, password: DEMO_PASSWORD, ownerIds });
  }
  seedStatusHistory(planId);
  const assessment2022 = seedAssessment(ASSESSMENT_2022, 2022);
  const assessment2024 = seedAssessment(ASSESSMENT_2024, 2024);
  seedPriorities(assessment2022, planId, ASSESSMENT_2022, 2022, true);
  seedCycleSteps(assessment2022, CYCLE_2022);
  return { planId, assessment2024 };
}

/**
 * One demo self-assessment as it would stand after its group's work: the group (the chair
 * first), each member's sheets written on the days after the start, and, when agreed, the
 * consensus of the meeting a week before approval. Deterministic: the days come from the seed.
 */
export function seedAssessment(demo: DemoAssessment, seed: number): number {
  const next = random(seed);
  const at = (iso: string, hour = 10) => new Date(startOfDayInSofia(iso) + 1000 * 60 * (hour * 60 + Math.floor(next() * 60)));
  return writeTransaction((tx) => {
    const userIds = new Map(
      demo.members.map((member) => {
        const user = tx.select({ id: users.id }).from(users).where(eq(users.email, member.email)).get();
        if (!user) throw new Error(`Demo assessor ${member.email} has no account`);
        return [member.key, user.id];
      }),
    );
    const chairId = userIds.get(demo.members.find((member) => member.chair)!.key)!;
    const { id } = tx
      .insert(assessments)
      .values({
        title: demo.title,
        period: demo.periodAssessed,
        scoringSystem: demo.scoring,
        stage: demo.stage,
        createdBy: chairId,
        approvedBy: demo.approvedOn ? chairId : null,
        approvedAt: demo.approvedOn ? at(demo.approvedOn, 14) : null,
        createdAt: at(demo.startedOn, 9),
      })
      .returning({ id: assessments.id })
      .get();
    tx.insert(assessmentMembers)
      .values(demo.members.map((member) => ({ assessmentId: id, userId: userIds.get(member.key)!, role: member.chair ? ('chair' as const) : ('member' as const) })))
      .run();
    const sheet = (userId: number | null, author: number, code: string, scores: DemoScores, strengths: string[], improvements: string[], day: Date) => {
      const dimensions = 'phases' in scores ? scores.phases : { trends: scores.trends, targets: scores.targets };
      const row = tx
        .insert(assessmentSheets)
        .values({ assessmentId: id, cafCode: code, userId, ...dimensions, version: 1, updatedBy: author, updatedAt: day })
        .returning({ id: assessmentSheets.id })
        .get();
      const items = [
        ...strengths.map((text, position) => ({ sheetId: row.id, kind: 'strength' as const, text, position })),
        ...improvements.map((text, position) => ({ sheetId: row.id, kind: 'improvement' as const, text, position })),
      ];
      if (items.length > 0) tx.insert(assessmentItems).values(items).run();
    };
    for (const own of demo.individual) {
      const userId = userIds.get(own.member)!;
      sheet(userId, userId, own.code, own.scores, own.strengths, own.improvements, at(addDays(demo.startedOn, 3 + Math.floor(next() * 12))));
    }
    for (const agreed of demo.consensus) {
      sheet(null, chairId, agreed.code, agreed.scores, agreed.strengths, agreed.improvements, at(addDays(demo.approvedOn!, -7), 11));
    }
    return id;
  });
}

/** Who writes an activity's demo updates: the head linked to its first owner that has one, else the secretary. */
function demoAuthorOf(activityId: number): number | null {
  const db = getDb();
  const author = db
    .select({ userId: userOwners.userId })
    .from(activityOwners)
    .innerJoin(userOwners, eq(userOwners.ownerId, activityOwners.ownerId))
    .innerJoin(users, eq(users.id, userOwners.userId))
    .where(and(eq(activityOwners.activityId, activityId), eq(users.role, 'head')))
    .orderBy(asc(activityOwners.position))
    .get();
  return author?.userId ?? db.select({ id: users.id }).from(users).where(eq(users.role, 'secretary')).get()?.id ?? null;
}

/**
 * A believable history: most activities start on time and are done around their end date,
 * some late, some postponed with a new end date, a few cancelled, some still in progress.
 */
export function seedStatusHistory(planId: number): void {
  const db = getDb();
  const next = random(2022);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rows = db
    .select()
    .from(activities)
    .where(and(eq(activities.planId, planId), eq(activities.archived, false)))
    .orderBy(asc(activities.position))
    .all();
  const at = (iso: string) => new Date(startOfDayInSofia(iso) + 1000 * 60 * between(8 * 60, 17 * 60));

  writeTransaction((tx) => {
    for (const activity of rows) {
      const userId = demoAuthorOf(activity.id);
      const update = (
        day: string,
        status: Status,
        percent: number,
        comment: string,
        completedOn: string | null = null,
      ) =>
        tx
          .insert(statusUpdates)
          .values({ activityId: activity.id, userId, status, percent, comment, completedOn, asOf: day, createdAt: at(day) })
          .run();

      if (activity.ongoing || !activity.start || !activity.baselineEnd) {
        update('2022-06-30', 'in_progress', 25, 'Дейността се изпълнява текущо.');
        update('2023-06-30', 'in_progress', 60, 'Текущо изпълнение, отчет към полугодието.');
        continue;
      }
      const start = activity.start;
      const end = activity.baselineEnd;
      const length = Math.max(daysBetween(start, end), 1);
      update(addDays(start, between(0, 5)), 'in_progress', between(5, 20), 'Дейността е започнала.');
      if (length > 40) update(addDays(start, Math.floor(length / 2)), 'in_progress', between(40, 70), 'Изпълнението продължава по график.');
      const outcome = next();
      if (outcome < 0.6) {
        const doneOn = addDays(end, between(-10, 3));
        update(doneOn, 'done', 100, 'Дейността е изпълнена.', doneOn);
      } else if (outcome < 0.72) {
        const doneOn = addDays(end, between(20, 120));
        update(doneOn, 'done', 100, 'Изпълнена със закъснение.', doneOn);
      } else if (outcome < 0.84) {
        const newEnd = addDays(end, between(90, 200));
        const day = addDays(end, between(-5, 5));
        tx.insert(scheduleChanges)
          .values({ activityId: activity.id, userId, previousEnd: end, newEnd, reason: 'Прехвърлена поради натовареност на екипа.', createdAt: at(day) })
          .run();
        tx.update(activities).set({ currentEnd: newEnd }).where(eq(activities.id, activity.id)).run();
        update(day, 'postponed', between(30, 60), `Прехвърлена със срок ${newEnd.split('-').reverse().join('.')}.`);
        if (next() < 0.5) update(addDays(newEnd, between(-15, 0)), 'done', 100, 'Изпълнена в новия срок.', addDays(newEnd, -1));
      } else if (outcome < 0.9) {
        update(addDays(start, Math.floor(length * 0.7)), 'cancelled', 0, 'Отпаднала необходимост.');
      } else {
        update(addDays(end, between(-20, -1)), 'in_progress', between(50, 85), 'В процес на изпълнение, забавяне.');
      }
    }
  });
}

const RUNNING_COMMENTS = [
  'Работата върви по график.',
  'Подготвен е първоначален вариант, предстои съгласуване с дирекциите.',
  'Събрани са данните, изготвя се анализът.',
  'Проведена е работна среща, уточнени са отговорниците.',
  'Изпратено е за съгласуване; очакваме становищата.',
];

/**
 * The history of the plan running on the day, up to the day before it: an activity that ended
 * is mostly done around its end; about one in four is late, done one to nine months after its
 * end (so only some of those that ended lately are still overdue); one in twenty is postponed by four to ten
 * months and done in its new term when that has passed; a running activity has started and,
 * when longer than a month, reports a percent near the share of its time gone; a future one has
 * no update (planned). Each owner's activity that ended last before the day is late and still
 * open, so that every owner with a past deadline sees one overdue activity on "my activities"
 * (a handful in all). Deterministic: the same day gives the same history.
 */
export function seedRunningHistory(planId: number, day: string): void {
  const next = random(2025);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const yesterday = addDays(day, -1);
  const upTo = (iso: string) => (iso < yesterday ? iso : yesterday);
  const at = (iso: string) => new Date(startOfDayInSofia(iso) + 1000 * 60 * between(8 * 60, 17 * 60));
  const rows = getDb()
    .select()
    .from(activities)
    .where(and(eq(activities.planId, planId), eq(activities.archived, false)))
    .orderBy(asc(activities.position))
    .all();
  const lastEnded = new Map<number, { id: number; end: string }>();
  const ownerLinks = getDb()
    .select({ activityId: activityOwners.activityId, ownerId: activityOwners.ownerId })
    .from(activityOwners)
    .all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const link of ownerLinks) {
    const end = byId.get(link.activityId)?.baselineEnd;
    if (!end || end >= day) continue;
    const last = lastEnded.get(link.ownerId);
    if (!last || end >= last.end) lastEnded.set(link.ownerId, { id: link.activityId, end });
  }
  const stillOpen = new Set([...lastEnded.values()].map((last) => last.id));

  writeTransaction((tx) => {
    for (const activity of rows) {
      const userId = demoAuthorOf(activity.id);
      const update = (asOf: string, status: Status, percent: number, comment: string, completedOn: string | null = null) =>
        tx.insert(statusUpdates).values({ activityId: activity.id, userId, status, percent, comment, completedOn, asOf, createdAt: at(asOf) }).run();
      const start = activity.start;
      const end = activity.baselineEnd;
      if (!start || !end) {
        update(upTo(addDays(day, -between(10, 40))), 'in_progress', 50, 'Отчетът за миналата година е публикуван на интернет страницата.');
        continue;
      }
      if (start >= day) continue; // planned
      const started = upTo(addDays(start, between(0, 5)));
      update(started, 'in_progress', between(5, 15), 'Дейността е започнала.');
      const length = Math.max(daysBetween(start, end), 1);
      if (end >= day) {
        const reported = addDays(day, -between(3, 25));
        if (length > 31 && reported > started) {
          const elapsed = daysBetween(start, reported) / length;
          const percent = Math.min(90, Math.max(20, Math.round((elapsed * 100 + between(-15, 10)) / 5) * 5));
          update(reported, 'in_progress', percent, RUNNING_COMMENTS[between(0, RUNNING_COMMENTS.length - 1)]!);
        }
        continue;
      }
      if (length > 60) update(addDays(start, Math.floor(length / 2)), 'in_progress', between(40, 65), 'Изпълнението продължава по график.');
      const outcome = next();
      if (stillOpen.has(activity.id)) {
        update(upTo(addDays(end, between(1, 10))), 'in_progress', between(60, 90), 'Забавяне: очакваме становищата на партньорите.');
      } else if (outcome < 0.7) {
        const doneOn = upTo(addDays(end, between(-12, 2)));
        update(doneOn, 'done', 100, 'Дейността е изпълнена.', doneOn);
      } else if (outcome < 0.93) {
        const doneOn = addDays(end, between(30, 270));
        update(upTo(addDays(end, between(1, 10))), 'in_progress', between(60, 90), 'Забавяне: очакваме становищата на партньорите.');
        if (doneOn < day) update(doneOn, 'done', 100, 'Изпълнена със закъснение.', doneOn);
      } else {
        const changedOn = upTo(addDays(end, between(-5, 5)));
        const newEnd = addDays(end, between(120, 300));
        tx.insert(scheduleChanges)
          .values({ activityId: activity.id, userId, previousEnd: end, newEnd, reason: 'Прехвърлена поради промени в нормативната уредба.', createdAt: at(changedOn) })
          .run();
        tx.update(activities).set({ currentEnd: newEnd }).where(eq(activities.id, activity.id)).run();
        update(changedOn, 'postponed', between(30, 60), `Прехвърлена със срок ${newEnd.split('-').reverse().join('.')}.`);
        const doneOn = addDays(newEnd, -between(0, 15));
        if (doneOn < day) update(doneOn, 'done', 100, 'Изпълнена в новия срок.', doneOn);
      }
    }
  });
}
