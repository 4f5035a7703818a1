import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth.server';
import { daysBetween, formatDate, todayInSofia } from '~/domain/dates';
import { DUE_SOON_DAYS } from '~/domain/activity-state';
import { plural } from '~/i18n/counts';
import { can, canUpdateStatus } from '~/domain/permissions';
import { pageTitle, useLang, useT } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import { isLinkedToOwners, listActivities, nextUrgentActivity } from '~/models/activity-list.server';
import { countPlansClosedBy } from '~/models/plan.server';
import { assertCanUpdateStatus, recordStatusUpdate } from '~/models/status-update.server';
import { ownerIdsOfUser } from '~/models/user.server';
import { listOwners } from '~/models/owner.server';
import { ActivityQuickUpdate, type QuickUpdateData } from '~/components/activity-quick-update';
import trackingCss from '~/styles/tracking.css?url';
import { readForm } from '~/upload.server';
import { fieldErrors, parseId } from '~/domain/form-input';
import { statusUpdateSchema } from '~/domain/status-form';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackingCss }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'myTitle', plansWords);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, 'plan:read')) throw new Response('Forbidden', { status: 403 });
  const today = todayInSofia();
  if (!isLinkedToOwners(user.id)) return { linked: false as const, today, owners: [], rows: [], closedPlans: 0 };
  const ownerIds = new Set(ownerIdsOfUser(user.id));
  const owners = listOwners()
    .filter((owner) => ownerIds.has(owner.id))
    .map((owner) => owner.name);
  const mayUpdate = canUpdateStatus(user.role, true);
  const rows = listActivities({ asOf: today }, undefined, { userId: user.id, byUrgency: true }).map((row) => ({
    ...row,
    canUpdate: mayUpdate,
  }));
  return { linked: true as const, today, owners, rows, closedPlans: countPlansClosedBy(today) };
}

/** The quick update: only on activities the user's owners are named on (unless their role may update any). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const activityId = parseId(values.activityId) ?? undefined;
  const parsed = statusUpdateSchema.safeParse(values);
  if (!activityId) return Response.json({ ok: false, errors: { form: 'trBadForm' }, values } satisfies QuickUpdateData, { status: 400 });
  assertCanUpdateStatus(user, activityId);
  if (!parsed.success) return Response.json({ ok: false, activityId, errors: fieldErrors(parsed.error), values } satisfies QuickUpdateData, { status: 400 });
  const input = parsed.data;
  const result = recordStatusUpdate({ ...input, activityId, userId: user.id, expectedVersion: input.version });
  if (!result.ok) {
    return Response.json(
      { ok: false, activityId, stale: { version: result.version, latest: result.latest }, values } satisfies QuickUpdateData,
      { status: 409 },
    );
  }
  return Response.json({ ok: true, activityId, next: nextUrgentActivity(user.id, activityId) } satisfies QuickUpdateData);
}

export default function MyActivitiesPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT(plansWords);
  const lang = useLang();
  if (!data.linked) {
    return (
      <div className="page tracking">
        <div className="page-header">
          <h1>{t('myTitle')}</h1>
        </div>
        <div className="card empty-state">
          <p>{t('notLinked')}</p>
          <Link to="/plans" className="button">
            {t('navPlans')}
          </Link>
        </div>
      </div>
    );
  }
  const { rows, today, owners, closedPlans } = data;
  const open = rows.filter((row) => row.status !== 'done' && row.status !== 'cancelled');
  const closed = rows.filter((row) => row.status === 'done' || row.status === 'cancelled');
  const daysLeft = (end: string | null) => (end ? daysBetween(today, end) : null);
  const overdue = open.filter((row) => row.overdue).length;
  const dueSoon = open.filter((row) => !row.overdue && !row.ongoing && row.end !== null && daysBetween(today, row.end) <= DUE_SOON_DAYS).length;
  const inProgress = open.filter((row) => row.status === 'in_progress').length;
  return (
    <div className="page tracking">
      <div className="page-header my-header">
        <div>
          <h1>{t('myTitle')}</h1>
          <p className="muted">
            {t('trMyLead', { date: formatDate(today, lang) })}{' '}
            {owners.length ? (
              <span className="owner-list owner-list--inline">
                {owners.map((name) => (
                  <span key={name} className="owner-chip">
                    {name}
                  </span>
                ))}
              </span>
            ) : null}
          </p>
        </div>
        <div className="my-stats">
          <div className={overdue ? 'stat stat--alert' : 'stat'}>
            <span className="stat__value">{overdue}</span>
            <span className="stat__label">{t('overdue')}</span>
          </div>
          <div className="stat">
            <span className="stat__value">{dueSoon}</span>
            <span className="stat__label">{t('trDueSoon')}</span>
          </div>
          <div className="stat">
            <span className="stat__value">{inProgress}</span>
            <span className="stat__label">{t('trInProgressCount')}</span>
          </div>
          <div className="stat">
            <span className="stat__value">{closed.length}</span>
            <span className="stat__label">{t('trClosedCount')}</span>
          </div>
        </div>
      </div>
      {closedPlans > 0 ? <p className="muted small">{t('myClosedPlansNote', { count: closedPlans })}</p> : null}
      {open.length === 0 ? (
        <div className="card empty-state">
          <p>{rows.length === 0 && closedPlans > 0 ? t('myNothingInRunningPlans') : t('trMyNothingOpen')}</p>
        </div>
      ) : (
        <>
          <h2 className="my-section-title">
            {t('trMyOpen')} <span className="count-pill count-pill--light">{plural(open.length, lang, 'activity')}</span>
          </h2>
          <ol className="my-list">
            {open.map((row) => (
              <ActivityQuickUpdate key={row.id} row={row} daysLeft={daysLeft(row.end)} />
            ))}
          </ol>
        </>
      )}
      {closed.length ? (
        <details className="my-closed section">
          <summary>
            <h2 className="my-section-title">
              {t('trMyClosed')} <span className="count-pill count-pill--light">{plural(closed.length, lang, 'activity')}</span>
            </h2>
          </summary>
          <ol className="my-list">
            {closed.map((row) => (
              <ActivityQuickUpdate key={row.id} row={row} daysLeft={daysLeft(row.end)} />
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
