import { formatDateTime } from '~/domain/dates';
import { STATUS_LABELS, type Status } from '~/domain/status';
import { useLang, useT } from '~/i18n';
import { plansWords } from '~/i18n/plans';

export type StaleInfo = {
  version: number;
  latest: { status: Status; percent: number | null; comment: string | null; userName: string | null; createdAt: number } | null;
};

/** The newer update that made a submit stale, shown above the form that keeps the user's text. */
export function StaleNotice({ stale }: { stale: StaleInfo }) {
  const t = useT(plansWords);
  const lang = useLang();
  const latest = stale.latest;
  return (
    <div className="alert alert--warning stale-notice" role="alert">
      <p>
        <strong>{t('trStaleTitle')}</strong> {t('trStaleText')}
      </p>
      {latest ? (
        <p className="stale-notice__latest">
          {t('trStaleLatest', {
            who: latest.userName ?? '—',
            when: formatDateTime(latest.createdAt, lang),
            status: STATUS_LABELS[latest.status][lang],
            percent: latest.percent ?? '—',
          })}
          {latest.comment ? <q>{latest.comment}</q> : null}
        </p>
      ) : null}
    </div>
  );
}
