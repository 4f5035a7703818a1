import { formatDate, formatDateTime, isIsoDate } from '~/domain/dates';
import type { AuditEntry } from '~/domain/activity-detail';
import { STATUS_LABELS, isStatus } from '~/domain/status';
import { useLang, useT } from '~/i18n';
import { activityPageWords, type ActivityPageWordKey } from './page-words';

const AUDIT_LABELS: Record<string, ActivityPageWordKey> = {
  'status-update': 'trAuditStatusUpdate',
  edit: 'trAuditEdit',
  reschedule: 'trAuditReschedule',
  // The plan's structure editor (app/models/plan-structure.server.ts).
  'structure-add': 'trAuditAdded',
  'structure-edit': 'trAuditEdit',
  'structure-move': 'trAuditMoved',
  'structure-archive': 'trAuditArchived',
  'structure-restore': 'trAuditRestored',
};

function AuditSummary({ action, before, after }: { action: string; before: unknown; after: unknown }) {
  const t = useT(activityPageWords);
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

/** The name of an audit event's action, in the page's language (unknown ones as they are). */
export function useAuditActionLabel(): (action: string) => string {
  const t = useT(activityPageWords);
  return (action) => (AUDIT_LABELS[action] ? t(AUDIT_LABELS[action]!) : action);
}

/** Who changed what on the activity, folded. */
export function ActivityAudit({ audit }: { audit: AuditEntry[] }) {
  const t = useT(activityPageWords);
  const lang = useLang();
  const actionLabel = useAuditActionLabel();
  return (
    <section className="card section" aria-labelledby="audit-title">
      <details className="audit">
        <summary>
          <h2 id="audit-title">
            {t('trAuditTrail')} <span className="count-pill count-pill--light">{audit.length}</span>
          </h2>
        </summary>
        {audit.length === 0 ? (
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
                {audit.map((event) => (
                  <tr key={event.id}>
                    <td className="nowrap">{formatDateTime(event.createdAt, lang)}</td>
                    <td>{event.userName ?? t('trUnknownUser')}</td>
                    <td>{actionLabel(event.action)}</td>
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
  );
}
