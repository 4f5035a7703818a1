import { Link, useFetcher } from '@remix-run/react';
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '~/domain/dates';
import { plural } from '~/i18n/counts';
import { STATUS_LABELS, STATUSES } from '~/domain/status';
import { useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { plansWords } from '~/i18n/plans';
import type { NextActivity } from '~/domain/activity-row';
import { EndDate, Percent, type ActivityListRow } from './activity-table';
import { StaleNotice, type StaleInfo } from './stale-notice';
import { StateBadges, StatusBadge } from './status-badge';

export type MyRow = ActivityListRow & { planId: number; planTitle: string; measureCode: string; version: number; canUpdate: boolean };

export type QuickUpdateData = {
  ok: boolean;
  activityId?: number;
  errors?: Partial<Record<string, WordKey<typeof plansWords> | MessageKey>>;
  stale?: StaleInfo;
  values?: Record<string, string>;
  /** After a save: the user's next most urgent open activity. */
  next?: NextActivity | null;
};

/** One of "my activities": what it is, where it stands, and a few-seconds update that keeps the list in place. */
export function ActivityQuickUpdate({ row, daysLeft }: { row: MyRow; daysLeft: number | null }) {
  const t = useT(plansWords);
  const lang = useLang();
  const id = useId();
  const fetcher = useFetcher<QuickUpdateData>({ key: `quick-${row.id}` });
  const busy = fetcher.state !== 'idle';
  const data = fetcher.data && fetcher.data.activityId === row.id ? fetcher.data : undefined;
  const failed = data && !data.ok ? data : undefined;
  const [saved, setSaved] = useState(false);
  const previousState = useRef(fetcher.state);
  useEffect(() => {
    if (previousState.current !== 'idle' && fetcher.state === 'idle' && fetcher.data?.ok) {
      setSaved(true);
      const timer = setTimeout(() => setSaved(false), 4000);
      previousState.current = fetcher.state;
      return () => clearTimeout(timer);
    }
    previousState.current = fetcher.state;
  }, [fetcher.state, fetcher.data]);
  const error = (name: string) => (failed?.errors?.[name] ? t(failed.errors[name]!) : null);
  return (
    <li className={`my-item card${row.overdue ? ' my-item--overdue' : ''}`} data-activity-id={row.id}>
      <div className="my-item__info">
        <p className="eyebrow">
          {row.planTitle} · {t('trMeasure')} {row.measureCode}
        </p>
        <h3 className="my-item__title">
          <Link to={`/activities/${row.id}`}>
            <span className="my-item__code">{row.code}</span> {row.title}
          </Link>
        </h3>
        <div className="badge-row">
          <StatusBadge status={row.status} />
          <StateBadges overdue={row.overdue} dueThisQuarter={row.dueThisQuarter} lateStart={row.lateStart} slipDays={row.slipDays} />
          <Percent value={row.percent} />
        </div>
        <p className="my-item__dates small">
          <span>
            {t('trEnd')}: <EndDate end={row.end} baselineEnd={row.baselineEnd} ongoing={row.ongoing} />
          </span>
          {daysLeft !== null && !row.ongoing && row.status !== 'done' && row.status !== 'cancelled' ? (
            <span className={daysLeft < 0 ? 'deadline deadline--late' : daysLeft <= 30 ? 'deadline deadline--soon' : 'deadline'}>
              {daysLeft < 0
                ? t('trOverdueBy', { days: plural(-daysLeft, lang, 'day') })
                : daysLeft === 0
                  ? t('trDueToday')
                  : t('trDaysLeft', { days: plural(daysLeft, lang, 'day') })}
            </span>
          ) : null}
        </p>
        {row.lastUpdateAt ? (
          <p className="muted small my-item__last">
            {t('trLastUpdate')}: {formatDateTime(row.lastUpdateAt, lang)}
            {row.lastUpdateBy ? ` · ${row.lastUpdateBy}` : ''}
            {row.lastComment ? <q>{row.lastComment}</q> : null}
          </p>
        ) : (
          <p className="muted small my-item__last">{t('trNoUpdates')}</p>
        )}
      </div>
      {row.canUpdate ? (
        <fetcher.Form method="post" className="quick-form" key={`${row.id}-${row.version}`} aria-label={t('trQuickUpdateFor', { code: row.code })}>
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="activityId" value={row.id} />
          <input type="hidden" name="version" value={Math.max(row.version, failed?.stale?.version ?? 0)} />
          {failed?.stale ? <StaleNotice stale={failed.stale} /> : null}
          <div className="quick-form__row">
            <label className="quick-form__status">
              <span>{t('status')}</span>
              <select name="status" defaultValue={failed?.values?.status ?? row.status}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s][lang]}
                  </option>
                ))}
              </select>
            </label>
            <label className={error('percent') ? 'quick-form__percent field--invalid' : 'quick-form__percent'}>
              <span>{t('trPercentComplete')}</span>
              <input
                name="percent"
                type="number"
                min={0}
                max={100}
                inputMode="numeric"
                defaultValue={failed?.values?.percent ?? row.percent}
                aria-invalid={error('percent') ? true : undefined}
              />
            </label>
          </div>
          <label className="quick-form__comment">
            <span>{t('trComment')}</span>
            <textarea name="comment" rows={2} defaultValue={failed?.values?.comment ?? ''} placeholder={t('trCommentPlaceholder')} id={`${id}-comment`} />
          </label>
          {error('percent') || error('comment') || error('status') ? (
            <p className="field__error" role="alert">
              {error('percent') ?? error('comment') ?? error('status')}
            </p>
          ) : null}
          <div className="quick-form__actions">
            <button type="submit" className="button button--primary button--small" disabled={busy}>
              {busy ? t('trSaving') : t('trSaveUpdate')}
            </button>
            {saved ? (
              <span className="saved-note" role="status">
                ✓ {t('trUpdateSaved')}
              </span>
            ) : null}
            {data?.ok && data.next ? (
              <Link to={`/activities/${data.next.id}`} className="button button--small next-activity">
                {t('trNextActivity', { title: `${data.next.code} ${data.next.title}` })}
              </Link>
            ) : null}
            <Link to={`/activities/${row.id}`} className="small">
              {t('trMoreDetails')}
            </Link>
          </div>
        </fetcher.Form>
      ) : (
        <div className="quick-form quick-form--readonly muted small">{t('trCannotUpdate')}</div>
      )}
    </li>
  );
}

