import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { STATUSES } from '../app/domain/status';
import { ROLES } from '../app/domain/permissions';
import { LANGS, type Lang } from '../app/domain/lang';
import { ASSESSMENT_ITEM_KINDS, SCORING_SYSTEMS } from '../app/domain/assessment-scoring';
import { ASSESSMENT_STAGES } from '../app/domain/assessment-stage';
import { UPDATE_NOTIFY_MODES } from '../app/domain/update-notifications';
import { GAP_DECISIONS } from '../app/domain/improvement-priority';
import { CYCLE_STEPS } from '../app/domain/caf-cycle';

export const MEASURE_KINDS = ['strategic', 'quick_win'] as const;
/** A plan drafted in the app is a draft until approved; an imported plan is approved (its file is the approved plan). */
export const PLAN_STATUSES = ['draft', 'approved'] as const;
/** What archived an item together with it: its area or its measure (the structure editor). */
export const ARCHIVED_WITH = ['area', 'measure'] as const;

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date());

export const organizations = sqliteTable('organizations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** Reminders go out this many days before an activity's start and end. */
  reminderDaysBeforeStart: integer('reminder_days_before_start').notNull().default(14),
  reminderDaysBeforeEnd: integer('reminder_days_before_end').notNull().default(7),
  createdAt: createdAt(),
});

export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    title: text('title').notNull(),
    period: text('period'),
    /** draft: being written in the app (no reminders, out of the cross-plan views, end dates move the baseline); approved: tracked. */
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('approved'),
    /** Who approved it and on which day, as the plan's file says, or as recorded by "Approve the plan" (then also approvedByUserId). */
    approvedBy: text('approved_by'),
    approvedOn: text('approved_on'),
    approvedByUserId: integer('approved_by_user_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    sourceFileName: text('source_file_name'),
    /** sha256 (hex) of the file the plan was last imported from: a second import of the same bytes is warned of. */
    sourceSha256: text('source_sha256'),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }),
    /** The day (ISO) the plan was closed: from then on it sends no reminders and leaves "my activities". */
    closedOn: text('closed_on'),
    createdAt: createdAt(),
  },
  (t) => [index('plans_organization_idx').on(t.organizationId)],
);

export const areas = sqliteTable(
  'areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    /** Archived in the structure editor: its measures and activities are archived with it (archivedWith 'area'). */
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    /** Bumped on every change in the structure editor: forms carry it to refuse stale submits. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('areas_plan_idx').on(t.planId, t.position)],
);

export const measures = sqliteTable(
  'measures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: MEASURE_KINDS }),
    position: integer('position').notNull(),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    /** 'area' when it was archived because its area was (restoring the area restores it); null otherwise. */
    archivedWith: text('archived_with', { enum: ARCHIVED_WITH }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('measures_area_idx').on(t.areaId, t.position), index('measures_plan_idx').on(t.planId)],
);

/** CAF 2020 criteria ("2") and sub-criteria ("2.3"); parentCode is null for criteria. */
export const cafCriteria = sqliteTable('caf_criteria', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  titleEn: text('title_en').notNull(),
  titleBg: text('title_bg').notNull(),
});

export const measureCafRefs = sqliteTable(
  'measure_caf_refs',
  {
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    cafCode: text('caf_code')
      .notNull()
      .references(() => cafCriteria.code),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.cafCode] }), index('measure_caf_refs_code_idx').on(t.cafCode)],
);

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    start: text('start'),
    baselineEnd: text('baseline_end'),
    currentEnd: text('current_end'),
    ongoing: integer('ongoing', { mode: 'boolean' }).notNull().default(false),
    /** The plan's wording of an ongoing period ("текущо", "ежегодно"). */
    ongoingText: text('ongoing_text'),
    /** How achievement is measured, beside the value aimed at (target). */
    indicator: text('indicator'),
    target: text('target'),
    /** Resources or budget, as written in the plan. */
    resources: text('resources'),
    note: text('note'),
    sourceSheet: text('source_sheet'),
    sourceRow: integer('source_row'),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    /** 'measure' or 'area' when it was archived because its measure or area was (restoring that restores it); null otherwise. */
    archivedWith: text('archived_with', { enum: ARCHIVED_WITH }),
    position: integer('position').notNull(),
    /** Bumped on every change (edit or status update): forms carry it to refuse stale submits. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('activities_plan_idx').on(t.planId, t.archived),
    index('activities_measure_idx').on(t.measureId, t.position),
    index('activities_end_idx').on(t.planId, t.currentEnd),
  ],
);

export const owners = sqliteTable(
  'owners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    /** The owner key (ownerKey in importers/text.ts: one owner however it is spelt), unique per organization. */
    normalizedName: text('normalized_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('owners_org_name_idx').on(t.organizationId, t.normalizedName)],
);

/** Other spellings of an owner (after a merge, or as written in another plan). */
export const ownerAliases = sqliteTable(
  'owner_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    normalizedAlias: text('normalized_alias').notNull(),
  },
  (t) => [index('owner_aliases_alias_idx').on(t.normalizedAlias)],
);

export const activityOwners = sqliteTable(
  'activity_owners',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.ownerId] }), index('activity_owners_owner_idx').on(t.ownerId)],
);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  language: text('language', { enum: LANGS }).notNull().default('bg'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** Secret of the user's calendar feed URL; null when revoked or never made. */
  calendarToken: text('calendar_token').unique(),
  remindersEnabled: integer('reminders_enabled', { mode: 'boolean' }).notNull().default(true),
  /** Notifications of the heads' status updates (secretaries and administrators): off, one per update, or a daily summary. */
  updateNotify: text('update_notify', { enum: UPDATE_NOTIFY_MODES }).notNull().default('off'),
  /** Their channels: in the app (the notifications list) and/or by e-mail. */
  updateNotifyInApp: integer('update_notify_in_app', { mode: 'boolean' }).notNull().default(true),
  updateNotifyEmail: integer('update_notify_email', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const userOwners = sqliteTable(
  'user_owners',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => owners.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ownerId] }), index('user_owners_owner_idx').on(t.ownerId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed logins, one row per attempt (account and client address), for throttling
 * (app/auth.server.ts); rows older than the throttling window are deleted.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    client: text('client').notNull(),
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.failedAt), index('login_failures_client_idx').on(t.client, t.failedAt), index('login_failures_time_idx').on(t.failedAt)],
);

/** Status reports: history, never overwritten; the current state is the latest row. */
export const statusUpdates = sqliteTable(
  'status_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: STATUSES }).notNull(),
    percent: integer('percent'),
    comment: text('comment'),
    completedOn: text('completed_on'),
    evidenceUrl: text('evidence_url'),
    /** Generated name of an uploaded file under data/uploads. */
    evidenceFile: text('evidence_file'),
    evidenceFileName: text('evidence_file_name'),
    /** The day (YYYY-MM-DD) the update reports on: every as-of view counts it from that day on; by default the day it was recorded. */
    asOf: text('as_of').notNull(),
    /** When it was recorded (the audit log keeps both). */
    createdAt: createdAt(),
  },
  (t) => [
    index('status_updates_activity_idx').on(t.activityId, t.createdAt),
    // An activity's latest update as of a day (greatest as-of day, then recorded time, then id), read from the index alone (the dashboard).
    index('status_updates_latest_idx').on(t.activityId, t.asOf, t.createdAt, t.id, t.status, t.percent, t.completedOn),
  ],
);

/** Rescheduling of an activity's end date; the baseline stays on the activity. */
export const scheduleChanges = sqliteTable(
  'schedule_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    previousEnd: text('previous_end'),
    newEnd: text('new_end').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('schedule_changes_activity_idx').on(t.activityId, t.createdAt)],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    createdAt: createdAt(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entity, t.entityId, t.createdAt)],
);

export const NOTIFICATION_DELIVERIES = ['pending', 'sent', 'failed', 'in_app'] as const;

/**
 * Reminders and digests: one row per message to a user, unique by `key` so a re-run or a
 * restart never sends the same reminder twice. Shown in the app; e-mailed when SMTP is set.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    activityId: integer('activity_id').references(() => activities.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** E-mail delivery: pending until sent, failed after the last retry, in_app when no SMTP is configured. */
    delivery: text('delivery', { enum: NOTIFICATION_DELIVERIES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    /** Shown in the user's notifications list; false for a message meant for e-mail only. */
    inbox: integer('inbox', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt), index('notifications_delivery_idx').on(t.delivery, t.nextAttemptAt)],
);

/**
 * The reminders each notification carried, by their keys (app/domain/reminders.ts): one
 * message per person per run carries several, and a key recorded here is never sent again.
 */
export const notificationItems = sqliteTable(
  'notification_items',
  {
    key: text('key').primaryKey(),
    notificationId: integer('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
  },
  (t) => [index('notification_items_notification_idx').on(t.notificationId)],
);

/** How an organization's plan files are read (the mapping step's choice), by a signature of their header texts. */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** sha256 of the sheets' names and header rows' texts (app/domain/mapping-signature.ts). */
    signature: text('signature').notNull(),
    /** The Mapping as JSON (importers/mapping.ts). */
    mapping: text('mapping').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('import_mappings_org_signature_idx').on(t.organizationId, t.signature)],
);

/** A CAF self-assessment of the organization (app/domain/assessment-stage.ts for its stages). */
export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    /** The period assessed, as people write it ("2024", "2023-2024"). */
    period: text('period').notNull(),
    scoringSystem: text('scoring_system', { enum: SCORING_SYSTEMS }).notNull(),
    stage: text('stage', { enum: ASSESSMENT_STAGES }).notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: integer('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('assessments_created_idx').on(t.createdAt)],
);

export const ASSESSMENT_MEMBER_ROLES = ['chair', 'member'] as const;

/** The self-assessment group: any user may be in it; the chair (a secretary or admin) runs it. */
export const assessmentMembers = sqliteTable(
  'assessment_members',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ASSESSMENT_MEMBER_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] }), index('assessment_members_user_idx').on(t.userId)],
);

/**
 * One sub-criterion's scores: a member's own (userId), or the group's consensus (userId null,
 * at most one per sub-criterion). Which columns count depends on the scoring system
 * (app/domain/assessment-scoring.ts). `version` grows with every save, so that a save from a
 * stale page (a second tab) is refused instead of overwriting.
 */
export const assessmentSheets = sqliteTable(
  'assessment_sheets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    cafCode: text('caf_code')
      .notNull()
      .references(() => cafCriteria.code),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    score: integer('score'),
    plan: integer('score_plan'),
    do: integer('score_do'),
    check: integer('score_check'),
    act: integer('score_act'),
    trends: integer('score_trends'),
    targets: integer('score_targets'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex('assessment_sheets_member_idx').on(t.assessmentId, t.userId, t.cafCode),
    uniqueIndex('assessment_sheets_consensus_idx')
      .on(t.assessmentId, t.cafCode)
      .where(sql`${t.userId} is null`),
  ],
);

/** The evidence, strengths and areas for improvement of a sheet, each its own item, in order. */
export const assessmentItems = sqliteTable(
  'assessment_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => assessmentSheets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ASSESSMENT_ITEM_KINDS }).notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('assessment_items_sheet_idx').on(t.sheetId, t.kind, t.position)],
);

/**
 * The chair's prioritising of an agreed area for improvement (an improvement item of a consensus
 * sheet, CAF step 7): impact and feasibility (app/domain/improvement-priority.ts for the scale),
 * and, when no measure answers it, what was decided about that gap. One row per item, made on the
 * first rating or decision.
 */
export const improvementPriorities = sqliteTable('improvement_priorities', {
  itemId: integer('item_id')
    .primaryKey()
    .references(() => assessmentItems.id, { onDelete: 'cascade' }),
  impact: integer('impact'),
  feasibility: integer('feasibility'),
  gapDecision: text('gap_decision', { enum: GAP_DECISIONS }),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date()),
});

/** A plan measure that answers an agreed area for improvement (confirmed by the chair). */
export const improvementLinks = sqliteTable(
  'improvement_links',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => assessmentItems.id, { onDelete: 'cascade' }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.measureId] }), index('improvement_links_measure_idx').on(t.measureId)],
);

/**
 * What the app cannot know about a step of an assessment's CAF cycle (app/domain/caf-cycle.ts):
 * the day it was done (for step 10: the day the next self-assessment is planned for), a short
 * note, and its evidence (a link or an uploaded file). One row per assessment and step.
 */
export const cycleSteps = sqliteTable(
  'cycle_steps',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    step: text('step', { enum: CYCLE_STEPS }).notNull(),
    doneOn: text('done_on'),
    note: text('note'),
    evidenceUrl: text('evidence_url'),
    /** Generated name of an uploaded file under data/uploads (app/evidence-files.server.ts). */
    evidenceFile: text('evidence_file'),
    evidenceFileName: text('evidence_file_name'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.step] })],
);

export type Organization = typeof organizations.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type Area = typeof areas.$inferSelect;
export type Measure = typeof measures.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type Owner = typeof owners.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type StatusUpdate = typeof statusUpdates.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type Language = Lang;
export type Assessment = typeof assessments.$inferSelect;
export type AssessmentSheet = typeof assessmentSheets.$inferSelect;
export type AssessmentMemberRole = (typeof ASSESSMENT_MEMBER_ROLES)[number];
