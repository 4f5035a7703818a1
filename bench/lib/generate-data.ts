/**
 * A deterministic generator of a large organization, for benchmarks (and any test that needs
 * volume): plans, areas, measures with CAF references, activities with owners, users linked
 * to owners, a status history and reschedules. The same options and seed always give the
 * same rows (ids included, when written into an empty database).
 *
 *   import { generateData } from './lib/generate-data';
 *   generateData('data/bench/large.db', { plans: 200, activitiesPerPlan: 250, updatesPerActivity: 5, seed: 1 });
 *
 * Writes with prepared statements in one transaction: about 3-6 s for 50,000 activities and
 * 250,000 status updates. Every status update is recorded no later than `until`, so any as-of
 * date from `until` on sees the whole history.
 */
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../db/client';
import { CAF_CRITERIA } from '../../app/domain/caf2020';
import { addDays, dateOfTimestampInSofia, daysBetween, startOfDayInSofia } from '../../app/domain/dates';
import { ownerKey } from '../../importers/text';

export type GenerateOptions = {
  plans: number;
  activitiesPerPlan: number;
  /** Mean status updates per activity; the total is exactly plans × activitiesPerPlan × this when activitiesPerPlan is a multiple of 5. */
  updatesPerActivity: number;
  seed: number;
  organization?: string;
  /** No status update or reschedule is recorded after the end of this day. */
  until?: string;
  /** Hash stored for every generated user (default: a hash no password matches). */
  passwordHash?: string;
};

export type GeneratedCounts = {
  organizationId: number;
  planIds: number[];
  areas: number;
  measures: number;
  activities: number;
  owners: number;
  users: number;
  statusUpdates: number;
  scheduleChanges: number;
  activityOwners: number;
};

type Target = Db | Database.Database | string;

const AREA_TITLES = [
  'Стратегическо планиране и проследяване на резултатите',
  'Управление на човешките ресурси',
  'Управление на технологиите',
  'Партньорства и ресурси',
  'Процеси и административно обслужване',
  'Комуникация с гражданите',
  'Финансово управление и контрол',
];
const ACTIVITY_VERBS = ['Разработване на', 'Актуализиране на', 'Провеждане на', 'Анализ на', 'Въвеждане на', 'Обучение за'];
const ACTIVITY_OBJECTS = [
  'вътрешните правила',
  'стратегията за развитие',
  'системата за документооборот',
  'анкета за удовлетвореността',
  'плана за комуникация',
  'регистъра на рисковете',
  'електронните услуги',
  'програмата за стажуване',
];
const OWNER_NAMES = [
  'Главен секретар',
  'директори на дирекции',
  'Дирекция АПОФУС',
  'Дирекция АКРРДС',
  'експерт ИТ',
  'Финансов контрольор',
  'Служител по сигурността на информацията',
  'Юрисконсулт',
  'Звено за административно обслужване',
  'Отдел „Човешки ресурси“',
  'Отдел „Финанси“',
  'Отдел „Регионално развитие“',
  'Отдел „Правно-нормативно обслужване“',
  'Отдел „Информационни технологии“',
  'Работна група за дигитализация',
  'Работна група по CAF',
  'Пресслужба',
  'Служител по защита на личните данни',
  'Вътрешен одитор',
  'Заместник областен управител',
];

/** mulberry32: a small, fast, deterministic pseudo-random generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rawDatabase(target: Target): { sqlite: Database.Database; opened: boolean } {
  if (typeof target === 'string') return { sqlite: openDatabase(target).$client, opened: true };
  if (target instanceof Database) return { sqlite: target, opened: false };
  return { sqlite: target.$client, opened: false };
}

/**
 * Writes a generated organization into the database (a file path is opened, migrated and
 * closed again; a Db or better-sqlite3 handle is used as is). Returns what it wrote.
 */
export function generateData(target: Target, options: GenerateOptions): GeneratedCounts {
  const { sqlite, opened } = rawDatabase(target);
  try {
    return sqlite.transaction(() => write(sqlite, options))();
  } finally {
    if (opened) sqlite.close();
  }
}

function write(sqlite: Database.Database, options: GenerateOptions): GeneratedCounts {
  const next = seededRandom(options.seed);
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const until = options.until ?? '2026-06-30';
  const untilMs = startOfDayInSofia(addDays(until, 1)) - 1;
  const subCriteria = CAF_CRITERIA.flatMap((c) => c.subCriteria.map((sub) => sub.code));
  const now = Date.UTC(2026, 0, 1);

  const insert = {
    organization: sqlite.prepare('insert into organizations (name, created_at) values (?, ?)'),
    plan: sqlite.prepare(
      `insert into plans (organization_id, title, period, approved_by, approved_on, source_file_name, imported_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    area: sqlite.prepare('insert into areas (plan_id, code, title, position) values (?, ?, ?, ?)'),
    measure: sqlite.prepare('insert into measures (plan_id, area_id, code, title, kind, position) values (?, ?, ?, ?, ?, ?)'),
    caf: sqlite.prepare('insert or ignore into measure_caf_refs (measure_id, caf_code) values (?, ?)'),
    activity: sqlite.prepare(
      `insert into activities (plan_id, measure_id, code, title, start, baseline_end, current_end, ongoing, target,
         archived, position, version, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, ?)`,
    ),
    setEnd: sqlite.prepare('update activities set current_end = ? where id = ?'),
    owner: sqlite.prepare('insert into owners (organization_id, name, normalized_name, created_at) values (?, ?, ?, ?)'),
    activityOwner: sqlite.prepare('insert or ignore into activity_owners (activity_id, owner_id, position) values (?, ?, ?)'),
    user: sqlite.prepare(
      `insert into users (email, name, password_hash, role, language, disabled, created_at) values (?, ?, ?, ?, 'bg', 0, ?)`,
    ),
    userOwner: sqlite.prepare('insert or ignore into user_owners (user_id, owner_id) values (?, ?)'),
    update: sqlite.prepare(
      `insert into status_updates (activity_id, user_id, status, percent, comment, completed_on, as_of, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reschedule: sqlite.prepare(
      `insert into schedule_changes (activity_id, user_id, previous_end, new_end, reason, created_at) values (?, ?, ?, ?, ?, ?)`,
    ),
  };
  const id = (result: Database.RunResult) => Number(result.lastInsertRowid);

  const organizationName = options.organization ?? `Генерирана администрация ${options.seed}`;
  const organizationId = id(insert.organization.run(organizationName, now));

  const ownerIds = OWNER_NAMES.map((name) => id(insert.owner.run(organizationId, name, ownerKey(name), now)));
  // A few owners carry most of the plan, as in real plans ("Главен секретар, директори на дирекции").
  const ownerWeights = ownerIds.map((_, i) => 1 / (i + 1));
  const weightSum = ownerWeights.reduce((a, b) => a + b, 0);
  const pickOwner = () => {
    let r = next() * weightSum;
    for (let i = 0; i < ownerIds.length; i += 1) {
      r -= ownerWeights[i]!;
      if (r <= 0) return ownerIds[i]!;
    }
    return ownerIds.at(-1)!;
  };

  const passwordHash = options.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';
  const userIdsByOwner = new Map<number, number>();
  const userIds: number[] = [];
  ownerIds.forEach((ownerId, i) => {
    const userId = id(insert.user.run(`gen${options.seed}.owner${i + 1}@bench.bg`, `Служител ${i + 1}`, passwordHash, 'head', now));
    insert.userOwner.run(userId, ownerId);
    userIdsByOwner.set(ownerId, userId);
    userIds.push(userId);
  });
  const secretaryId = id(insert.user.run(`gen${options.seed}.secretary@bench.bg`, 'Секретар', passwordHash, 'secretary', now));
  userIds.push(secretaryId);
  userIds.push(id(insert.user.run(`gen${options.seed}.viewer@bench.bg`, 'Наблюдател', passwordHash, 'viewer', now)));

  const counts: GeneratedCounts = {
    organizationId,
    planIds: [],
    areas: 0,
    measures: 0,
    activities: 0,
    owners: ownerIds.length,
    users: userIds.length,
    statusUpdates: 0,
    scheduleChanges: 0,
    activityOwners: 0,
  };
  const at = (iso: string) => startOfDayInSofia(iso) + 60_000 * between(8 * 60, 17 * 60);
  let activityIndex = 0;

  for (let p = 0; p < options.plans; p += 1) {
    const firstYear = 2019 + (p % 6);
    const period = `${firstYear}-${firstYear + 2}`;
    const planStart = `${firstYear}-03-01`;
    const planDays = daysBetween(planStart, `${firstYear + 2}-12-31`);
    const planId = id(
      insert.plan.run(organizationId, `План за подобрение № ${p + 1}`, period, 'Ръководител', `${firstYear}-02-15`, `plan-${p + 1}.xlsx`, now, now),
    );
    counts.planIds.push(planId);

    const areaCount = between(3, 5);
    const areaIds: number[] = [];
    for (let a = 0; a < areaCount; a += 1) {
      areaIds.push(id(insert.area.run(planId, String(a + 1), AREA_TITLES[(p + a) % AREA_TITLES.length]!, a)));
    }
    counts.areas += areaCount;

    // About 2.5 activities per measure, measures spread over the areas in order.
    const measureCount = Math.max(1, Math.round(options.activitiesPerPlan / 2.5));
    const measures: { id: number; code: string }[] = [];
    for (let m = 0; m < measureCount; m += 1) {
      const areaIndex = Math.min(areaCount - 1, Math.floor((m * areaCount) / measureCount));
      const numberInArea = measures.filter((x) => x.code.startsWith(`${areaIndex + 1}.`)).length + 1;
      const code = `${areaIndex + 1}.${numberInArea}`;
      const measureId = id(
        insert.measure.run(planId, areaIds[areaIndex]!, code, `${pick(ACTIVITY_VERBS)} ${pick(ACTIVITY_OBJECTS)}`, next() < 0.4 ? 'quick_win' : 'strategic', m),
      );
      insert.caf.run(measureId, pick(subCriteria));
      if (next() < 0.25) insert.caf.run(measureId, pick(subCriteria));
      measures.push({ id: measureId, code });
    }
    counts.measures += measureCount;

    const perMeasure = new Map<number, number>();
    for (let k = 0; k < options.activitiesPerPlan; k += 1) {
      const measure = measures[Math.min(measures.length - 1, Math.floor((k * measures.length) / options.activitiesPerPlan))]!;
      const number = (perMeasure.get(measure.id) ?? 0) + 1;
      perMeasure.set(measure.id, number);
      const ongoing = next() < 0.05;
      const start = ongoing ? null : addDays(planStart, between(0, planDays - 60));
      const baselineEnd = start === null ? null : addDays(start, between(7, 400));
      const activityId = id(
        insert.activity.run(planId, measure.id, `${measure.code}.${number}`, `${pick(ACTIVITY_VERBS)} ${pick(ACTIVITY_OBJECTS)}`, start, baselineEnd, baselineEnd, ongoing ? 1 : 0, 'Изпълнена дейност', k, now),
      );
      counts.activities += 1;

      const owners = new Set<number>([pickOwner()]);
      const extra = between(0, 2);
      for (let o = 0; o < extra; o += 1) owners.add(pickOwner());
      let position = 0;
      for (const ownerId of owners) insert.activityOwner.run(activityId, ownerId, position++);
      counts.activityOwners += owners.size;
      const author = userIdsByOwner.get([...owners][0]!) ?? secretaryId;

      // Exactly updatesPerActivity on average: the count cycles through u-2 .. u+2.
      const u = options.updatesPerActivity;
      const updates = Math.max(0, u >= 2 ? u + (activityIndex % 5) - 2 : u);
      activityIndex += 1;
      const from = start ?? planStart;
      let end = baselineEnd ?? addDays(planStart, planDays);
      const outcome = next();
      // Reschedule about one activity in ten, near its end.
      if (!ongoing && baselineEnd && outcome > 0.62 && outcome < 0.72) {
        const newEnd = addDays(baselineEnd, between(30, 200));
        const changedAt = at(addDays(baselineEnd, between(-10, 5)));
        if (changedAt <= untilMs) {
          insert.reschedule.run(activityId, author, baselineEnd, newEnd, 'Прехвърлена', changedAt);
          insert.setEnd.run(newEnd, activityId);
          counts.scheduleChanges += 1;
          end = newEnd;
        }
      }
      const span = Math.max(1, daysBetween(from, addDays(end, 30)));
      let percent = 0;
      for (let i = 0; i < updates; i += 1) {
        const last = i === updates - 1;
        const day = addDays(from, Math.floor(((i + 1) * span) / (updates + 1)) + between(0, 3));
        let createdAt = at(day);
        if (createdAt > untilMs) createdAt = untilMs - (updates - i) * 60_000;
        let status: string;
        let completedOn: string | null = null;
        if (!last) {
          percent = Math.min(95, percent + between(5, 30));
          status = 'in_progress';
        } else if (outcome < 0.55) {
          status = 'done';
          percent = 100;
          completedOn = day <= until ? day : until;
        } else if (outcome < 0.6) {
          status = 'cancelled';
        } else if (outcome < 0.72) {
          status = 'postponed';
        } else if (outcome < 0.95) {
          status = 'in_progress';
          percent = Math.min(95, percent + between(5, 30));
        } else {
          status = 'planned';
          percent = 0;
        }
        insert.update.run(activityId, author, status, status === 'cancelled' ? null : percent, 'Генериран отчет', completedOn, dateOfTimestampInSofia(createdAt), createdAt);
        counts.statusUpdates += 1;
      }
    }
  }
  return counts;
}
