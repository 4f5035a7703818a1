import { dateOfTimestampInSofia, formatDate, formatDateTime } from '~/domain/dates';
import type { ActivityDetail } from '~/domain/activity-detail';
import { plural } from '~/i18n/counts';
import { useLang, useT } from '~/i18n';
import { StatusBadge } from '../status-badge';
import { activityPageWords } from './page-words';

/** The status updates and reschedules of an activity, newest first. */
export function ActivityHistory({ activity }: { activity: Pick<ActivityDetail, 'id' | 'updates' | 'scheduleChanges'> }) {
  const t = useT(activityPageWords);
  const lang = useLang();
  // Newest first by the day each reports on (a reschedule: the day it was made), then by when recorded.
  const timeline = [
    ...activity.updates.map((update) => ({ kind: 'update' as const, day: update.asOf, at: update.createdAt, update })),
    ...activity.scheduleChanges.map((change) => ({
      kind: 'schedule' as const,
      day: dateOfTimestampInSofia(change.createdAt),
      at: change.createdAt,
      change,
    })),
  ].sort((x, y) => (x.day === y.day ? y.at - x.at : x.day < y.day ? 1 : -1));
  return (
    <section className="card section" aria-labelledby="history-title">
      <h2 id="history-title">
        {t('trHistory')} <span className="count-pill count-pill--light">{plural(activity.updates.length, lang, 'update')}</span>
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
            )
          )}
        </ol>
      )}
    </section>
  );
}
