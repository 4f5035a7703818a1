import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth.server';
import { dateOfTimestampInSofia, formatDate, formatDateTime, isIsoDate, todayInSofia } from '~/domain/dates';
import { NOUNS, plural } from '~/domain/lang';
import { can, canUpdateStatus } from '~/domain/permissions';
import { STATUS_LABELS, STATUSES, isStatus } from '~/domain/status';
import { pageTitle, useLang, useT, type MessageKey, type WordKey, joinWords } from '~/i18n';
import { activitiesWords } from '~/i18n/activities';
import { plansWords } from '~/i18n/plans';
import { getActivityDetail, nextUrgentActivity, organizationOwners, rescheduleActivity, updateActivity, type NextActivity } from '~/models/activity.server';
import { readFormWithFile, removeEvidenceFile, storeEvidenceFile, uploadedFile } from '~/models/evidence.server';
import { assertCanUpdateStatus, isOwnActivity, recordStatusUpdate } from '~/models/status-update.server';
import { ActivityUpdateForm, type StaleInfo } from '~/components/activity-update-form';
import { EndDate, Percent } from '~/components/activity-table';
import { StateBadges, StatusBadge } from '~/components/status-badge';
import { Field } from '~/components/field';
import trackingCss from '~/styles/tracking.css?url';
import { MAX_LINE_LENGTH, MAX_TEXT_LENGTH, idSchema, typedText } from '~/domain/form-input';

/** The activity words and the plan words its lists share (dates, measure, updates). */
const words = joinWords(plansWords, activitiesWords);

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackingCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? `${data.activity.code} ${data.activity.title}` : t('trActivity')), words);

function activityIdOf(params: { activityId?: string }): number {
  const parsed = idSchema.safeParse(params.activityId);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, 'plan:read')) throw new Response('Forbidden', { status: 403 });
  const id = activityIdOf(params);
  const today = todayInSofia();
  const asOfParam = new URL(request.url).searchParams.get('asOf');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : today;
  const activity = getActivityDetail(id, asOf);
  if (!activity) throw new Response('Not found', { status: 404 });
  const canEdit = can(user.role, 'plan:edit');
  return {
    activity,
    today,
    asOf,
    canUpdate: canUpdateStatus(user.role, isOwnActivity(user.id, id)),
    canEdit,
    ownerChoices: canEdit ? organizationOwners(activity.organizationId) : [],
  };
}

const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalDate = z.preprocess(empty, z.string().refine(isIsoDate, 'trDateInvalid').nullable().default(null));
const version = z.preprocess(empty, z.coerce.number().int().nonnegative().nullable().default(null));

const statusSchema = z
  .object({
    intent: z.literal('status'),
    version,
    status: z.enum(STATUSES, { message: 'trStatusRequired' }),
    percent: z.preprocess(
      empty,
      z.coerce.number({ message: 'trPercentInvalid' }).int('trPercentInvalid').min(0, 'trPercentInvalid').max(100, 'trPercentInvalid').nullable().default(null),
    ),
    comment: z.preprocess(empty, typedText(MAX_TEXT_LENGTH, { tooLong: 'trCommentTooLong' }).nullable().default(null)),
    completedOn: optionalDate,
    asOf: optionalDate,
    evidenceUrl: z.preprocess(
      empty,
      typedText(MAX_LINE_LENGTH, { tooLong: 'trUrlInvalid' }).pipe(z.string().url('trUrlInvalid')).refine((v) => /^https?:\/\//i.test(v), 'trUrlInvalid').nullable().default(null),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.asOf && value.asOf > todayInSofia()) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'trAsOfInFuture' });
    } else if (value.completedOn && value.completedOn > (value.asOf ?? todayInSofia())) {
      // Completed by the day the update reports on: done as of 30.09 is not completed in October.
      ctx.addIssue({ code: 'custom', path: ['completedOn'], message: value.asOf ? 'trCompletedAfterAsOf' : 'trCompletedInFuture' });
    }
  });

const editSchema = z
  .object({
    intent: z.literal('edit'),
    version,
    title: typedText(MAX_LINE_LENGTH, { required: 'trTitleRequired' }),
    start: optionalDate,
    baselineEnd: optionalDate,
    ongoing: z.preprocess((v) => v === 'on', z.boolean()),
    target: z.preprocess(empty, typedText(MAX_TEXT_LENGTH).nullable().default(null)),
    note: z.preprocess(empty, typedText(MAX_TEXT_LENGTH).nullable().default(null)),
    ownerIds: z.array(idSchema),
  })
  .superRefine((value, ctx) => {
    if (value.start && value.baselineEnd && value.baselineEnd < value.start) {
      ctx.addIssue({ code: 'custom', path: ['baselineEnd'], message: 'trEndBeforeStart' });
    }
  });

const rescheduleSchema = z.object({
  intent: z.literal('reschedule'),
  version,
  newEnd: z.preprocess(empty, z.string({ message: 'trDateRequired' }).refine(isIsoDate, 'trDateInvalid')),
  reason: z.preprocess(empty, typedText(MAX_LINE_LENGTH, { required: 'trReasonRequired' }).refine((v) => v.length >= 3, 'trReasonRequired')),
});

type Intent = 'status' | 'edit' | 'reschedule';
export type ActionData = {
  ok: boolean;
  intent: Intent;
  message?: WordKey<typeof words> | MessageKey;
  /** After a status update: the user's next most urgent open activity. */
  next?: NextActivity | null;
  errors?: Partial<Record<string, WordKey<typeof words> | MessageKey>>;
  values?: Record<string, string>;
  stale?: StaleInfo;
  staleChange?: { action: string; userName: string | null; createdAt: number } | null;
};

function textValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && key !== 'version' && key !== 'ownerIds') values[key] = value;
  return values;
}

function fieldErrors(error: z.ZodError): Partial<Record<string, WordKey<typeof words> | MessageKey>> {
  const errors: Partial<Record<string, WordKey<typeof words> | MessageKey>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    errors[key] ??= issue.message as WordKey<typeof words> | MessageKey;
  }
  return errors;
}

const reply = (data: ActionData, status = 200) => Response.json(data, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = activityIdOf(params);
  // Refused before the body (up to 10 MB) is read when the user may change nothing here.
  if (!can(user.role, 'plan:edit')) assertCanUpdateStatus(user, id);
  const read = await readFormWithFile(request);
  if (!read.ok) {
    const status = read.error === 'trFileTooLarge' ? 413 : 400;
    return reply({ ok: false, intent: 'status', errors: { evidenceFile: read.error === 'trFileTooLarge' ? 'trFileTooLarge' : 'trBadForm' } }, status);
  }
  const form = read.form;
  const intent = form.get('intent');
  if (intent === 'status') {
    assertCanUpdateStatus(user, id);
    const parsed = statusSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return reply({ ok: false, intent, errors: fieldErrors(parsed.error), values: textValues(form) }, 400);
    const input = parsed.data;
    const file = uploadedFile(form.get('evidenceFile'));
    const stored = file ? await storeEvidenceFile(file) : null;
    const asOf = input.asOf ?? todayInSofia();
    const result = recordStatusUpdate({
      activityId: id,
      userId: user.id,
      status: input.status,
      percent: input.status === 'done' ? 100 : input.percent,
      comment: input.comment,
      completedOn: input.status === 'done' ? (input.completedOn ?? asOf) : null,
      asOf,
      evidenceUrl: input.evidenceUrl,
      evidenceFile: stored?.evidenceFile ?? null,
      evidenceFileName: stored?.evidenceFileName ?? null,
      expectedVersion: input.version ?? undefined,
    });
    if (!result.ok) {
      if (stored) removeEvidenceFile(stored.evidenceFile);
      return reply({ ok: false, intent, stale: { version: result.version, latest: result.latest }, values: textValues(form) }, 409);
    }
    return reply({ ok: true, intent, message: 'trUpdateSaved', next: nextUrgentActivity(user.id, id) });
  }
  if (intent === 'edit' || intent === 'reschedule') {
    if (!can(user.role, 'plan:edit')) throw new Response('Forbidden', { status: 403 });
    if (intent === 'edit') {
      const parsed = editSchema.safeParse({ ...Object.fromEntries(form), ownerIds: form.getAll('ownerIds') });
      if (!parsed.success) return reply({ ok: false, intent, errors: fieldErrors(parsed.error), values: textValues(form) }, 400);
      const { intent: _i, version: expected, ...edit } = parsed.data;
      const result = updateActivity(id, edit, user.id, expected ?? undefined);
      if (!result.ok) return reply({ ok: false, intent, stale: { version: result.version, latest: null }, staleChange: result.latest, values: textValues(form) }, 409);
      return reply({ ok: true, intent, message: 'trActivitySaved' });
    }
    const parsed = rescheduleSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return reply({ ok: false, intent, errors: fieldErrors(parsed.error), values: textValues(form) }, 400);
    const result = rescheduleActivity(id, { newEnd: parsed.data.newEnd, reason: parsed.data.reason }, user.id, parsed.data.version ?? undefined);
    if (!result.ok) return reply({ ok: false, intent, stale: { version: result.version, latest: null }, staleChange: result.latest, values: textValues(form) }, 409);
    return reply({ ok: true, intent, message: 'trRescheduled' });
  }
  return reply({ ok: false, intent: 'status', errors: { form: 'trBadForm' } }, 400);
}

const AUDIT_LABELS: Record<string, WordKey<typeof words> | MessageKey> = {
  'status-update': 'trAuditStatusUpdate',
  edit: 'trAuditEdit',
  reschedule: 'trAuditReschedule',
};

function AuditSummary({ action, before, after }: { action: string; before: unknown; after: unknown }) {
  const t = useT(words);
  const lang = useLang();
  const a = (after ?? {}) as Record<string, unknown>;
  const b = (before ?? {}) as Record<string, unknown>;
  const show = (value: unknown) => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'string' && isIsoDate(value)) return formatDate(value, lang);
    if (typeof value === 'boolean') return value ? t('trYes') : t('trNo');
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };
  if (action === 'status-update') {
    return (
      <span>
        {isStatus(a.status) ? STATUS_LABELS[a.status][lang] : show(a.status)}
        {a.percent !== null && a.percent !== undefined ? `, ${a.percent}%` : ''}
        {a.asOf ? ` · ${t('trUpdateAsOf')}: ${show(a.asOf)}` : ''}
        {a.evidenceFileName ? ` · ${t('trEvidenceFile')}: ${show(a.evidenceFileName)}` : ''}
      </span>
    );
  }
  if (action === 'reschedule') {
    return (
      <span>
        {show(b.end)} → {show(a.end)}
        {a.reason ? ` · ${show(a.reason)}` : ''}
      </span>
    );
  }
  const changed = Object.keys(a).filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null));
  if (changed.length === 0) return <span className="muted">{t('trNoChanges')}</span>;
  return (
    <ul className="audit-changes">
      {changed.map((key) => (
        <li key={key}>
          <strong>{key}</strong>: {show(b[key])} → {show(a[key])}
        </li>
      ))}
    </ul>
  );
}

export default function ActivityPage() {
  const { activity, today, asOf, canUpdate, canEdit, ownerChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const navigation = useNavigation();
  const t = useT(words);
  const lang = useLang();
  const { state } = activity;
  const forIntent = (intent: Intent) => (actionData && !actionData.ok && actionData.intent === intent ? actionData : undefined);
  const statusData = forIntent('status');
  const editData = forIntent('edit');
  const rescheduleData = forIntent('reschedule');
  const busy = (intent: Intent) => navigation.state !== 'idle' && navigation.formData?.get('intent') === intent;
  const staleVersion = (data?: ActionData) => Math.max(activity.version, data?.stale?.version ?? 0);
  // Newest first by the day each reports on (a reschedule: the day it was made), then by when recorded.
  const timeline = [
    ...activity.updates.map((update) => ({ kind: 'update' as const, day: update.asOf, at: update.createdAt, update })),
    ...activity.scheduleChanges.map((change) => ({ kind: 'schedule' as const, day: dateOfTimestampInSofia(change.createdAt), at: change.createdAt, change })),
  ].sort((x, y) => (x.day === y.day ? y.at - x.at : x.day < y.day ? 1 : -1));
  return (
    <div className="page tracking activity-page">
      <nav className="breadcrumbs" aria-label={t('trBreadcrumbs')}>
        <Link to="/plans">{t('navPlans')}</Link>
        <Link to={`/plans/${activity.planId}`}>{activity.planTitle}</Link>
        <Link to={`/plans/${activity.planId}?area=${activity.area.code}`}>{t('trAreaLabel', { code: activity.area.code })}</Link>
      </nav>
      <header className="activity-header">
        <p className="muted activity-header__measure">
          {t('trMeasure')} {activity.measure.code} · {activity.measure.title}
        </p>
        <h1>
          <span className="activity-header__code">{activity.code}</span> {activity.title}
        </h1>
        <div className="badge-row">
          <StatusBadge status={state.status} />
          <StateBadges
            overdue={state.overdue}
            dueThisQuarter={state.dueThisQuarter}
            lateStart={state.lateStart}
            slipDays={state.slipDays}
            daysOverdue={state.daysOverdue}
          />
          {state.overdue ? <span className="muted small">{t('trOverdueBy', { days: plural(state.daysOverdue, lang, NOUNS.day) })}</span> : null}
          {asOf !== today ? <span className="muted small">{t('trAsOfNote', { date: formatDate(asOf, lang) })}</span> : null}
        </div>
      </header>

      {actionData?.ok && actionData.message ? (
        <p className="alert alert--success" role="status">
          {t(actionData.message)}{' '}
          {actionData.next ? (
            <Link to={`/activities/${actionData.next.id}`} className="button button--small next-activity">
              {t('trNextActivity', { title: `${actionData.next.code} ${actionData.next.title}` })}
            </Link>
          ) : null}
        </p>
      ) : null}

      <div className="activity-layout">
        <div className="activity-layout__main">
          <section className="card" aria-labelledby="details-title">
            <h2 id="details-title">{t('trDetails')}</h2>
            <dl className="facts">
              <div>
                <dt>{t('trArea')}</dt>
                <dd>
                  {activity.area.code}. {activity.area.title}
                </dd>
              </div>
              <div>
                <dt>{t('trMeasure')}</dt>
                <dd>
                  {activity.measure.code} {activity.measure.title}
                  {activity.measure.kind ? (
                    <span className="badge badge--muted kind-badge">{t(activity.measure.kind === 'quick_win' ? 'trKindQuickWin' : 'trKindStrategic')}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t('trCafSubCriterion')}</dt>
                <dd>
                  {activity.caf.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    activity.caf.map((c) => (
                      <p key={c.code} className="caf-ref">
                        <strong>{c.code}</strong> {lang === 'bg' ? c.titleBg : c.titleEn}
                        {c.criterionTitleBg ? (
                          <span className="muted small"> ({t('trCriterion')} {c.code.split('.')[0]}: {lang === 'bg' ? c.criterionTitleBg : c.criterionTitleEn})</span>
                        ) : null}
                      </p>
                    ))
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('owners')}</dt>
                <dd>
                  {activity.owners.length ? (
                    <span className="owner-list">
                      {activity.owners.map((o) => (
                        <span key={o.id} className="owner-chip">
                          {o.name}
                        </span>
                      ))}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('trStart')}</dt>
                <dd>{activity.ongoing ? t('trOngoing') : formatDate(activity.start, lang)}</dd>
              </div>
              <div>
                <dt>{t('trEnd')}</dt>
                <dd>
                  <EndDate end={state.end} baselineEnd={activity.baselineEnd} ongoing={activity.ongoing} />
                  {state.slipDays ? (
                    <span className="muted small slip-note">
                      {' '}
                      {t('trSlipBy', { days: plural(Math.abs(state.slipDays), lang, NOUNS.day) })}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t('trBaselineEnd')}</dt>
                <dd>{formatDate(activity.baselineEnd, lang)}</dd>
              </div>
              {activity.indicator ? (
                <div>
                  <dt>{t('fieldIndicator')}</dt>
                  <dd>{activity.indicator}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('trTarget')}</dt>
                <dd>{activity.target ?? <span className="muted">—</span>}</dd>
              </div>
              {activity.resources ? (
                <div>
                  <dt>{t('fieldResources')}</dt>
                  <dd>{activity.resources}</dd>
                </div>
              ) : null}
              {activity.ongoingText ? (
                <div>
                  <dt>{t('fieldOngoingText')}</dt>
                  <dd>{activity.ongoingText}</dd>
                </div>
              ) : null}
              {activity.note ? (
                <div>
                  <dt>{t('trNote')}</dt>
                  <dd>{activity.note}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('progress')}</dt>
                <dd>
                  <Percent value={state.percent} />
                  {state.completedOn ? <span className="muted small"> {t('trCompletedOnDate', { date: formatDate(state.completedOn, lang) })}</span> : null}
                </dd>
              </div>
              <div>
                <dt>{t('trLastUpdate')}</dt>
                <dd>{state.lastUpdateAt ? formatDateTime(state.lastUpdateAt, lang) : <span className="muted">{t('trNoUpdates')}</span>}</dd>
              </div>
              {activity.sourceRow ? (
                <div>
                  <dt>{t('trSourceRow')}</dt>
                  <dd className="muted">
                    {activity.sourceSheet ? `${activity.sourceSheet}, ` : ''}
                    {t('trRowNumber', { row: activity.sourceRow })}
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>

          <section className="card section" aria-labelledby="history-title">
            <h2 id="history-title">
              {t('trHistory')} <span className="count-pill count-pill--light">{plural(activity.updates.length, lang, NOUNS.update)}</span>
            </h2>
            {timeline.length === 0 ? (
              <p className="muted">{t('trNoUpdates')}</p>
            ) : (
              <ol className="timeline">
                {timeline.map((item) =>
                  item.kind === 'update' ? (
                    <li key={`u${item.update.id}`} className={`timeline__item timeline__item--${item.update.status}`}>
                      <div className="timeline__head">
                        <StatusBadge status={item.update.status} />
                        {item.update.percent !== null ? <span className="timeline__percent">{item.update.percent}%</span> : null}
                        <span className="muted small">
                          {item.update.asOf === dateOfTimestampInSofia(item.update.createdAt)
                            ? formatDateTime(item.update.createdAt, lang)
                            : t('trAsOfRecorded', { date: formatDate(item.update.asOf, lang), when: formatDateTime(item.update.createdAt, lang) })}{' '}
                          · {item.update.userName ?? t('trUnknownUser')}
                        </span>
                      </div>
                      {item.update.comment ? <p className="timeline__comment">{item.update.comment}</p> : null}
                      {item.update.completedOn ? (
                        <p className="muted small">{t('trCompletedOnDate', { date: formatDate(item.update.completedOn, lang) })}</p>
                      ) : null}
                      {item.update.evidenceUrl || item.update.hasFile ? (
                        <p className="timeline__evidence small">
                          {t('trEvidence')}:{' '}
                          {item.update.evidenceUrl ? (
                            <a href={item.update.evidenceUrl} target="_blank" rel="noopener noreferrer nofollow">
                              {item.update.evidenceUrl}
                            </a>
                          ) : null}
                          {item.update.hasFile ? (
                            <a href={`/activities/${activity.id}/evidence/${item.update.id}`} download className="file-link">
                              {item.update.evidenceFileName}
                            </a>
                          ) : null}
                        </p>
                      ) : null}
                    </li>
                  ) : (
                    <li key={`s${item.change.id}`} className="timeline__item timeline__item--schedule">
                      <div className="timeline__head">
                        <span className="badge badge--slip">{t('trNewDeadline')}</span>
                        <span>
                          {formatDate(item.change.previousEnd, lang)} → <strong>{formatDate(item.change.newEnd, lang)}</strong>
                        </span>
                        <span className="muted small">
                          {formatDateTime(item.change.createdAt, lang)} · {item.change.userName ?? t('trUnknownUser')}
                        </span>
                      </div>
                      {item.change.reason ? <p className="timeline__comment">{item.change.reason}</p> : null}
                    </li>
                  ),
                )}
              </ol>
            )}
          </section>

          <section className="card section" aria-labelledby="audit-title">
            <details className="audit">
              <summary>
                <h2 id="audit-title">
                  {t('trAuditTrail')} <span className="count-pill count-pill--light">{activity.audit.length}</span>
                </h2>
              </summary>
              {activity.audit.length === 0 ? (
                <p className="muted">{t('trNoAudit')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table audit-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('trWhen')}</th>
                        <th scope="col">{t('trWho')}</th>
                        <th scope="col">{t('trAction')}</th>
                        <th scope="col">{t('trChange')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {activity.audit.map((event) => (
                        <tr key={event.id}>
                          <td className="nowrap">{formatDateTime(event.createdAt, lang)}</td>
                          <td>{event.userName ?? t('trUnknownUser')}</td>
                          <td>{AUDIT_LABELS[event.action] ? t(AUDIT_LABELS[event.action]!) : event.action}</td>
                          <td>
                            <AuditSummary action={event.action} before={event.before} after={event.after} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </details>
          </section>
        </div>

        <aside className="activity-layout__side">
          {canUpdate ? (
            <section className="card">
              <ActivityUpdateForm
                key={`status-${activity.version}`}
                version={staleVersion(statusData)}
                current={{ status: state.status, percent: state.percent }}
                values={statusData?.values}
                errors={statusData?.errors}
                stale={statusData?.stale}
                today={today}
              />
            </section>
          ) : (
            <p className="alert alert--info">{t('trCannotUpdate')}</p>
          )}

          {canEdit ? (
            <>
              <section className="card section">
                <details open={Boolean(rescheduleData)} className="side-details">
                  <summary>
                    <h2>{t('trReschedule')}</h2>
                  </summary>
                  <Form method="post" className="stack" key={`reschedule-${activity.version}`}>
                    <input type="hidden" name="intent" value="reschedule" />
                    <input type="hidden" name="version" value={staleVersion(rescheduleData)} />
                    {rescheduleData?.stale ? <StaleChange data={rescheduleData} /> : null}
                    <p className="muted small">
                      {t('trRescheduleHelp', { baseline: formatDate(activity.baselineEnd, lang), current: formatDate(state.end, lang) })}
                    </p>
                    <Field
                      label={t('trNewEnd')}
                      name="newEnd"
                      type="date"
                      required
                      defaultValue={rescheduleData?.values?.newEnd ?? ''}
                      error={rescheduleData?.errors?.newEnd && t(rescheduleData.errors.newEnd)}
                    />
                    <div className={rescheduleData?.errors?.reason ? 'field field--invalid' : 'field'}>
                      <label htmlFor="reschedule-reason">{t('trReason')}</label>
                      <textarea id="reschedule-reason" name="reason" rows={2} required defaultValue={rescheduleData?.values?.reason ?? ''} />
                      {rescheduleData?.errors?.reason ? <p className="field__error">{t(rescheduleData.errors.reason)}</p> : null}
                    </div>
                    <div>
                      <button type="submit" className="button button--primary" disabled={busy('reschedule')}>
                        {t('trRescheduleSubmit')}
                      </button>
                    </div>
                  </Form>
                </details>
              </section>
              <section className="card section">
                <details open={Boolean(editData)} className="side-details">
                  <summary>
                    <h2>{t('trEditActivity')}</h2>
                  </summary>
                  <Form method="post" className="stack" key={`edit-${activity.version}`}>
                    <input type="hidden" name="intent" value="edit" />
                    <input type="hidden" name="version" value={staleVersion(editData)} />
                    {editData?.stale ? <StaleChange data={editData} /> : null}
                    <div className={editData?.errors?.title ? 'field field--invalid' : 'field'}>
                      <label htmlFor="edit-title">{t('trTitle')}</label>
                      <textarea id="edit-title" name="title" rows={3} required defaultValue={editData?.values?.title ?? activity.title} />
                      {editData?.errors?.title ? <p className="field__error">{t(editData.errors.title)}</p> : null}
                    </div>
                    <div className="form-row">
                      <Field
                        label={t('trStart')}
                        name="start"
                        type="date"
                        defaultValue={editData?.values?.start ?? activity.start ?? ''}
                        error={editData?.errors?.start && t(editData.errors.start)}
                      />
                      <Field
                        label={t('trBaselineEnd')}
                        name="baselineEnd"
                        type="date"
                        defaultValue={editData?.values?.baselineEnd ?? activity.baselineEnd ?? ''}
                        error={editData?.errors?.baselineEnd && t(editData.errors.baselineEnd)}
                      />
                    </div>
                    <label className="checkbox">
                      <input type="checkbox" name="ongoing" defaultChecked={activity.ongoing} />
                      {t('trOngoingLabel')}
                    </label>
                    <div className="field">
                      <label htmlFor="edit-target">{t('trTarget')}</label>
                      <textarea id="edit-target" name="target" rows={2} defaultValue={editData?.values?.target ?? activity.target ?? ''} />
                    </div>
                    <div className="field">
                      <label htmlFor="edit-note">{t('trNote')}</label>
                      <textarea id="edit-note" name="note" rows={2} defaultValue={editData?.values?.note ?? activity.note ?? ''} />
                    </div>
                    <fieldset className="owner-choices">
                      <legend>{t('owners')}</legend>
                      <div className="owner-choices__list owner-choices__list--narrow">
                        {ownerChoices.map((owner) => (
                          <label key={owner.id} className="checkbox">
                            <input
                              type="checkbox"
                              name="ownerIds"
                              value={owner.id}
                              defaultChecked={activity.owners.some((o) => o.id === owner.id)}
                            />
                            {owner.name}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                    <div>
                      <button type="submit" className="button button--primary" disabled={busy('edit')}>
                        {t('save')}
                      </button>
                    </div>
                  </Form>
                </details>
              </section>
            </>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function StaleChange({ data }: { data: ActionData }) {
  const t = useT(words);
  const lang = useLang();
  const latest = data.staleChange;
  return (
    <div className="alert alert--warning" role="alert">
      <strong>{t('trStaleTitle')}</strong> {t('trStaleText')}
      {latest ? (
        <p className="small">
          {t('trStaleChange', {
            who: latest.userName ?? '—',
            when: formatDateTime(latest.createdAt, lang),
            action: AUDIT_LABELS[latest.action] ? t(AUDIT_LABELS[latest.action]!) : latest.action,
          })}
        </p>
      ) : null}
    </div>
  );
}
