/** The dashboard's second panel: each area (or plan) by name with its red/amber/green state, and how that is computed. */
import { RED_DAYS_OVERDUE, RED_SHARE_OVERDUE, type AreaState } from '~/domain/area-state';
import { useT, type WordKey } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { GroupProgress } from '~/domain/dashboard-data';
import { useAppLinkClick } from '~/components/app-link';

const STATE_WORDS: Record<AreaState, WordKey<typeof dashboardWords>> = { red: 'ragRed', amber: 'ragAmber', green: 'ragGreen' };

export function AreaStates({ groups, byPlan, hrefFor }: { groups: GroupProgress[]; byPlan: boolean; hrefFor: (group: GroupProgress) => string }) {
  const t = useT(dashboardWords);
  const onLinkClick = useAppLinkClick();
  const rule = t('ragRule', { days: RED_DAYS_OVERDUE, share: Math.round(RED_SHARE_OVERDUE * 100) });
  return (
    <section className="card dashboard-panel area-states" aria-labelledby="area-states">
      <h2 id="area-states">{t(byPlan ? 'dashPlansStateTitle' : 'dashAreasTitle')}</h2>
      <ul className="area-states__list">
        {groups.map((group) => (
          <li key={group.id} className={`area-state area-state--${group.state}`} data-state={group.state}>
            <span className="area-state__dot" aria-hidden="true" />
            <a href={hrefFor(group)} onClick={onLinkClick} data-discover="true" className="area-state__name" title={group.title}>
              {group.areaCode ? `${group.areaCode}. ` : ''}
              {group.title}
            </a>
            <span className="area-state__word" title={rule}>
              {t(STATE_WORDS[group.state])}
            </span>
            <span className="muted small area-state__counts">{t('ragAreaSummary', { overdue: group.overdue, total: group.total })}</span>
          </li>
        ))}
      </ul>
      <details className="area-states__how">
        <summary>{t('ragHow')}</summary>
        <p className="small">{rule}</p>
      </details>
    </section>
  );
}
