import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { requireUser } from '~/auth.server';
import { formatDate, isIsoDate, todayInSofia } from '~/domain/dates';
import { plural } from '~/i18n/counts';
import { can, canUpdateStatus } from '~/domain/permissions';
import { pageTitle, useLang, useT } from '~/i18n';
import { activityPageWords as words, type ActivityPageWordKey } from '~/components/activity/page-words';
import type { NextActivity } from '~/domain/activity-row';
import { getActivityDetail, organizationOwners, rescheduleActivity, updateActivity } from '~/models/activity.server';
import { nextUrgentActivity } from '~/models/activity-list.server';
import { readFormWithFile, removeEvidenceFile, storeEvidenceFile, uploadedFile } from '~/evidence-files.server';
import { assertCanUpdateStatus, isOwnActivity, recordStatusUpdate } from '~/models/status-update.server';
import { ActivityUpdateForm, type StaleInfo } from '~/components/activity-update-form';
import { StateBadges, StatusBadge } from '~/components/status-badge';
import { ActivityAudit } from '~/components/activity/activity-audit';
import { ActivityFacts } from '~/components/activity/activity-facts';
import { ActivityHistory } from '~/components/activity/activity-history';
import { EditActivityForm, RescheduleForm, type PlanFormResult } from '~/components/activity/activity-plan-forms';
import trackingCss from '~/styles/tracking.css?url';
import { MAX_LINE_LENGTH, MAX_TEXT_LENGTH, fieldErrors, idSchema, typedText } from '~/domain/form-input';
import { emptyAsNull, optionalDate, statusUpdateSchema, versionField } from '~/domain/status-form';

/** The activity words and the plan words its lists share (dates, measure, updates). */

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

const editSchema = z
  .object({
    intent: z.literal('edit'),
    version: versionField,
    title: typedText(MAX_LINE_LENGTH, { required: 'trTitleRequired' }),
    start: optionalDate,
    baselineEnd: optionalDate,
    ongoing: z.preprocess((v) => v === 'on', z.boolean()),
    target: z.preprocess(emptyAsNull, typedText(MAX_TEXT_LENGTH).nullable().default(null)),
    note: z.preprocess(emptyAsNull, typedText(MAX_TEXT_LENGTH).nullable().default(null)),
    ownerIds: z.array(idSchema),
  })
  .superRefine((value, ctx) => {
    if (value.start && value.baselineEnd && value.baselineEnd < value.start) {
      ctx.addIssue({ code: 'custom', path: ['baselineEnd'], message: 'trEndBeforeStart' });
    }
  });

const rescheduleSchema = z.object({
  intent: z.literal('reschedule'),
  version: versionField,
  newEnd: z.preprocess(emptyAsNull, z.string({ message: 'trDateRequired' }).refine(isIsoDate, 'trDateInvalid')),
  reason: z.preprocess(
    emptyAsNull,
    typedText(MAX_LINE_LENGTH, { required: 'trReasonRequired' }).refine((v) => v.length >= 3, 'trReasonRequired')
  ),
});

type Intent = 'status' | 'edit' | 'reschedule';
export type ActionData = Omit<PlanFormResult, 'stale'> & {
  ok: boolean;
  intent: Intent;
  message?: ActivityPageWordKey;
  /** After a status update: the user's next most urgent open activity. */
  next?: NextActivity | null;
  stale?: StaleInfo;
};

function textValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string' && key !== 'version' && key !== 'ownerIds') values[key] = value;
  return values;
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
    const parsed = statusUpdateSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return reply({ ok: false, intent, errors: fieldErrors(parsed.error), values: textValues(form) }, 400);
    const input = parsed.data;
    const file = uploadedFile(form.get('evidenceFile'));
    const stored = file ? await storeEvidenceFile(file) : null;
    const result = recordStatusUpdate({ ...input, activityId: id, userId: user.id, expectedVersion: input.version, ...stored });
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
      if (!result.ok)
        return reply(
          { ok: false, intent, stale: { version: result.version, latest: null }, staleChange: result.latest, values: textValues(form) },
          409
        );
      return reply({ ok: true, intent, message: 'trActivitySaved' });
    }
    const parsed = rescheduleSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return reply({ ok: false, intent, errors: fieldErrors(parsed.error), values: textValues(form) }, 400);
    const result = rescheduleActivity(id, { newEnd: parsed.data.newEnd, reason: parsed.data.reason }, user.id, parsed.data.version ?? undefined);
    if (!result.ok)
      return reply(
        { ok: false, intent, stale: { version: result.version, latest: null }, staleChange: result.latest, values: textValues(form) },
        409
      );
    return reply({ ok: true, intent, message: 'trRescheduled' });
  }
  return reply({ ok: false, intent: 'status', errors: { form: 'trBadForm' } }, 400);
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
          {state.overdue ? <span className="muted small">{t('trOverdueBy', { days: plural(state.daysOverdue, lang, 'day') })}</span> : null}
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
          <ActivityFacts activity={activity} />
          <ActivityHistory activity={activity} />
          <ActivityAudit audit={activity.audit} />
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
              {activity.planStatus === 'draft' ? (
                <p className="alert alert--info">{t('trDraftDates')}</p>
              ) : (
                <RescheduleForm
                  key={`reschedule-${activity.version}`}
                  activity={activity}
                  version={staleVersion(rescheduleData)}
                  result={rescheduleData}
                  busy={busy('reschedule')}
                />
              )}
              <EditActivityForm
                key={`edit-${activity.version}`}
                activity={activity}
                ownerChoices={ownerChoices}
                version={staleVersion(editData)}
                result={editData}
                busy={busy('edit')}
              />
            </>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
