import { STATUS_LABELS, type Status } from '~/domain/status';
import { plural } from '~/i18n/counts';
import { useLang, useT } from '~/i18n';

type Lang = ReturnType<typeof useLang>;
type Translate = ReturnType<typeof useT>;

export function StatusBadge({ status }: { status: Status }) {
  return statusBadge(status, useLang());
}

/** StatusBadge without hooks, for long tables that look the language up once. */
export function statusBadge(status: Status, lang: Lang) {
  return <span className={`badge badge--${status}`}>{STATUS_LABELS[status][lang]}</span>;
}

type StateFlags = {
  overdue: boolean;
  dueThisQuarter: boolean;
  lateStart: boolean;
  slipDays?: number | null;
  daysOverdue?: number;
};

/** The derived-state badges: overdue, due this quarter, late start, slip. Written out, not colour alone. */
export function StateBadges(flags: StateFlags) {
  return stateBadges(flags, useT(), useLang());
}

/** StateBadges without hooks, for long tables that look the language up once. */
export function stateBadges({ overdue, dueThisQuarter, lateStart, slipDays, daysOverdue }: StateFlags, t: Translate, lang: Lang) {
  return (
    <>
      {overdue ? (
        <span className="badge badge--overdue" title={daysOverdue ? t('trOverdueBy', { days: plural(daysOverdue, lang, 'day') }) : undefined}>
          {t('trStateOverdue')}
        </span>
      ) : null}
      {dueThisQuarter ? <span className="badge badge--due">{t('trStateDue')}</span> : null}
      {lateStart ? <span className="badge badge--late-start">{t('trStateLateStart')}</span> : null}
      {slipDays ? (
        <span className="badge badge--slip" title={t('trSlipHelp')}>
          {slipDays > 0 ? '+' : '−'}
          {plural(Math.abs(slipDays), lang, 'day')}
        </span>
      ) : null}
    </>
  );
}
