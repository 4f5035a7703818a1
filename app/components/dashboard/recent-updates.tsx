import { Link } from '@remix-run/react';
import { formatDate, formatDateTime } from '~/domain/dates';
import { STATUS_LABELS, type Status } from '~/domain/status';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';

/** One status update of the feed, as the loaders send it (app/models/update-feed.server.ts). */
export type FeedItem = {
  id: number;
  activityId: number;
  activityCode: string;
  activityTitle: string;
  areaTitle: string;
  userName: string | null;
  status: Status;
  percent: number | null;
  comment: string | null;
  evidenceUrl: string | null;
  evidenceFileName: string | null;
  asOf: string;
  createdAt: number;
};

/** The updates as a list: who, when (recorded, and the day it reports on), the activity, the status, the comment and the evidence. */
export function UpdateList({ items }: { items: FeedItem[] }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  return (
    <ul className="update-feed">
      {items.map((item) => (
        <li key={item.id} className="update-feed__item">
          <p className="update-feed__head">
            <strong>{item.userName ?? t('updUnknownUser')}</strong>
            <span className="muted">
              {' · '}
              <time dateTime={new Date(item.createdAt).toISOString()}>{formatDateTime(item.createdAt, lang)}</time>
              {' · '}
              {t('updAsOf', { date: formatDate(item.asOf, lang) })}
            </span>
          </p>
          <p>
            <Link to={`/activities/${item.activityId}`}>
              {item.activityCode} {item.activityTitle}
            </Link>{' '}
            <span className="muted small">({item.areaTitle})</span>
          </p>
          <p>
            <span className={`status status--${item.status}`}>{STATUS_LABELS[item.status][lang]}</span>
            {item.percent !== null ? ` · ${item.percent}%` : null}
            {item.comment ? <span> · {item.comment}</span> : null}
          </p>
          {item.evidenceUrl || item.evidenceFileName ? (
            <p className="small">
              {t('trEvidence')}:{' '}
              {item.evidenceFileName ? (
                <a href={`/activities/${item.activityId}/evidence/${item.id}`}>{item.evidenceFileName}</a>
              ) : (
                <a href={item.evidenceUrl!} target="_blank" rel="noopener noreferrer nofollow">
                  {item.evidenceUrl}
                </a>
              )}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The dashboard's panel of the latest updates, with a link to the whole feed. */
export function RecentUpdates({ items }: { items: FeedItem[] }) {
  const t = useT(dashboardWords);
  return (
    <section className="card" aria-labelledby="recent-updates-title">
      <h2 id="recent-updates-title">{t('updPanelTitle')}</h2>
      {items.length === 0 ? <p className="muted">{t('updNone')}</p> : <UpdateList items={items} />}
      <p>
        <Link to="/updates">{t('updPanelAll')}</Link>
      </p>
    </section>
  );
}
