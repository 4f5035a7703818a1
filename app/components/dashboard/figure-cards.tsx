/** The dashboard's figures as of the day, each with its change since the end of the previous quarter; a figure opens its activities. */
import { Link } from '@remix-run/react';
import { formatDate } from '~/domain/dates';
import { periodLabel, periodOf } from '~/domain/quarters';
import { useLang, useT, type WordKey } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { Dashboard } from '~/domain/dashboard-data';
import { percentText, type DrillHref } from './drill-down';

type Tone = 'good' | 'bad' | 'neutral';

export function FigureCards({ dashboard, href }: { dashboard: Dashboard; href: DrillHref }) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const { figures: now, previousFigures: before } = dashboard;
  const since = formatDate(dashboard.previousAsOf, lang);
  const cards: {
    key: string;
    label: WordKey<typeof dashboardWords>;
    value: string;
    change: number | null;
    points?: boolean;
    upIs: Tone;
    sub?: string;
    to?: string;
    alert?: boolean;
  }[] = [
    {
      key: 'total',
      label: 'dashFigActivities',
      value: String(now.total),
      change: now.total - before.total,
      upIs: 'neutral',
      sub: t('dashSubCancelled', { cancelled: now.cancelled, postponed: now.postponed }),
      to: href({}),
    },
    { key: 'done', label: 'dashFigDone', value: String(now.done), change: now.done - before.done, upIs: 'good', to: href({ status: 'done' }) },
    {
      key: 'in_progress',
      label: 'dashFigInProgress',
      value: String(now.inProgress),
      change: now.inProgress - before.inProgress,
      upIs: 'neutral',
      to: href({ status: 'in_progress' }),
    },
    {
      key: 'planned',
      label: 'dashFigNotStarted',
      value: String(now.planned),
      change: now.planned - before.planned,
      upIs: 'neutral',
      sub: now.lateStart > 0 ? t('dashSubLateStart', { n: now.lateStart }) : undefined,
      to: href({ status: 'planned' }),
    },
    {
      key: 'overdue',
      label: 'dashFigOverdue',
      value: String(now.overdue),
      change: now.overdue - before.overdue,
      upIs: 'bad',
      to: href({ state: 'overdue' }),
      alert: now.overdue > 0,
    },
    {
      key: 'due',
      label: 'dashFigDue',
      value: String(now.dueThisQuarter),
      change: now.dueThisQuarter - before.dueThisQuarter,
      upIs: 'neutral',
      sub: periodLabel(periodOf(dashboard.asOf, 'quarter'), lang),
      to: href({ state: 'due' }),
    },
    {
      key: 'percent',
      label: 'dashFigPercent',
      value: percentText(now.shareDone),
      change: now.shareDone === null || before.shareDone === null ? null : Math.round(now.shareDone * 100) - Math.round(before.shareDone * 100),
      points: true,
      upIs: 'good',
      sub: now.meanPercent === null ? undefined : t('dashSubMeanPercent', { n: `${Math.round(now.meanPercent)}%` }),
    },
  ];
  return (
    <section className="figures" aria-label={t('dashStateAsOf', { date: formatDate(dashboard.asOf, lang) })}>
      {cards.map((card) => {
        const tone: Tone = card.change === null || card.change === 0 || card.upIs === 'neutral' ? 'neutral' : (card.change > 0) === (card.upIs === 'good') ? 'good' : 'bad';
        const signed = card.change === null ? null : `${card.change > 0 ? '+' : card.change < 0 ? '−' : ''}${Math.abs(card.change)}`;
        const changeText =
          signed === null
            ? null
            : card.change === 0
              ? t('dashNoChangeSince', { date: since })
              : t('dashChangeSince', { change: card.points ? t('dashPoints', { n: signed }) : signed, date: since });
        const body = (
          <>
            <span className="figure__label">{t(card.label)}</span>
            <span className="figure__value">{card.value}</span>
            {card.key === 'percent' ? (
              <span className="figure__bar" role="progressbar" aria-label={t('dashFigPercent')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={now.shareDone === null ? undefined : Math.round(now.shareDone * 100)}>
                <span style={{ width: `${Math.round((now.shareDone ?? 0) * 100)}%` }} />
              </span>
            ) : null}
            {changeText ? (
              <span className={`figure__change figure__change--${tone}`}>
                {card.change !== null && card.change !== 0 ? <span aria-hidden="true">{card.change > 0 ? '▲ ' : '▼ '}</span> : null}
                {changeText}
              </span>
            ) : null}
            {card.sub ? <span className="figure__sub">{card.sub}</span> : null}
          </>
        );
        return card.to ? (
          <Link key={card.key} to={card.to} className={`card figure figure--link${card.alert ? ' figure--alert' : ''}`} data-figure={card.key}>
            {body}
          </Link>
        ) : (
          <div key={card.key} className="card figure" data-figure={card.key}>
            {body}
            <details className="figure__rule">
              <summary>{t('dashHowCounted')}</summary>
              <p>{t('progressRule')}</p>
            </details>
          </div>
        );
      })}
    </section>
  );
}
