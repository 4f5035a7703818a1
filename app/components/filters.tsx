import { Form, Link, useSubmit } from '@remix-run/react';
import { useId } from 'react';
import { DERIVED_STATES, SORTS, type ActivityFilters } from '~/domain/filters';
import { parsePeriod, periodLabel } from '~/domain/quarters';
import { STATUS_LABELS, STATUSES } from '~/domain/status';
import { useLang, useT, type MessageKey, type WordKey } from '~/i18n';
import { plansWords } from '~/i18n/plans';

export type FilterChoices = {
  plans?: { id: number; title: string; closedOn: string | null }[];
  areas: { code: string; title: string }[];
  owners: { id: number; name: string }[];
  caf: { code: string; titleBg: string; titleEn: string }[];
  quarters: string[];
};

const STATE_KEYS: Record<(typeof DERIVED_STATES)[number], WordKey<typeof plansWords> | MessageKey> = {
  overdue: 'trStateOverdue',
  due: 'trStateDue',
  late_start: 'trStateLateStart',
};
const SORT_KEYS: Record<(typeof SORTS)[number], WordKey<typeof plansWords> | MessageKey> = {
  code: 'trSortCode',
  end: 'trSortEnd',
  status: 'trSortStatus',
  updated: 'trSortUpdated',
};

/** The owner filter's options (the plan page, the activity list, the dashboard): everyone, then each owner (ownerChoices). */
export function OwnerOptions({ owners }: { owners: FilterChoices['owners'] }) {
  const t = useT();
  return (
    <>
      <option value="">{t('trFilterAll')}</option>
      {owners.map((owner) => (
        <option key={owner.id} value={owner.id}>
          {owner.name}
        </option>
      ))}
    </>
  );
}

/**
 * The filter bar: a GET form, so the filtered view lives in the URL and can be shared.
 * Selects apply at once when scripts run; the button does it without them.
 */
export function ActivityFiltersForm({
  filters,
  choices,
  action,
  today,
}: {
  filters: ActivityFilters;
  choices: FilterChoices;
  action: string;
  today: string;
}) {
  const t = useT(plansWords);
  const lang = useLang();
  const submit = useSubmit();
  const uid = useId();
  const idOf = (name: string) => `${uid}-${name}`;
  const apply = (event: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => submit(event.currentTarget.form, { replace: true, preventScrollReset: true });
  return (
    <Form method="get" action={action} className="card filters" role="search" aria-label={t('trFiltersTitle')}>
      <div className="filters__grid">
        <div className="filters__field filters__wide">
          <label htmlFor={idOf('q')}>{t('trFilterSearch')}</label>
          <input type="search" id={idOf('q')} name="q" defaultValue={filters.q ?? ''} placeholder={t('trFilterSearchPlaceholder')} />
        </div>
        {choices.plans ? (
          <div className="filters__field">
            <label htmlFor={idOf('plan')}>{t('trFilterPlan')}</label>
            <select id={idOf('plan')} name="plan" defaultValue={filters.plan ?? ''} onChange={apply}>
              <option value="">{t('trFilterAll')}</option>
              {choices.plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                  {plan.closedOn ? ` · ${t('planClosedMark')}` : ''}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="filters__field">
          <label htmlFor={idOf('area')}>{t('trFilterArea')}</label>
          <select id={idOf('area')} name="area" defaultValue={filters.area ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.areas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.code}. {area.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('owner')}>{t('trFilterOwner')}</label>
          <select id={idOf('owner')} name="owner" defaultValue={filters.owner ?? ''} onChange={apply}>
            <OwnerOptions owners={choices.owners} />
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('status')}>{t('status')}</label>
          <select id={idOf('status')} name="status" defaultValue={filters.status ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('state')}>{t('trFilterState')}</label>
          <select id={idOf('state')} name="state" defaultValue={filters.state ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {DERIVED_STATES.map((state) => (
              <option key={state} value={state}>
                {t(STATE_KEYS[state])}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('caf')}>{t('trFilterCaf')}</label>
          <select id={idOf('caf')} name="caf" defaultValue={filters.caf ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.caf.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code.includes('.') ? '\u00a0\u00a0' : ''}
                {c.code} {lang === 'bg' ? c.titleBg : c.titleEn}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('quarter')}>{t('trFilterQuarter')}</label>
          <select id={idOf('quarter')} name="quarter" defaultValue={filters.quarter ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.quarters.map((key) => (
              <option key={key} value={key}>
                {periodLabel(parsePeriod(key)!, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('asOf')}>{t('trAsOf')}</label>
          <input type="date" id={idOf('asOf')} name="asOf" defaultValue={filters.asOf ?? today} max="9999-12-31" onChange={apply} />
        </div>
        <div className="filters__field">
          <label htmlFor={idOf('sort')}>{t('trSortBy')}</label>
          <select id={idOf('sort')} name="sort" defaultValue={filters.sort ?? 'code'} onChange={apply}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_KEYS[sort])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary button--small">
          {t('trFilterApply')}
        </button>
        <Link to={action} className="button button--ghost button--small">
          {t('trFilterClear')}
        </Link>
      </div>
    </Form>
  );
}
