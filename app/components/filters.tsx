import { Form, Link, useSubmit } from '@remix-run/react';
import { DERIVED_STATES, SORTS, type ActivityFilters } from '~/domain/filters';
import { parsePeriod, periodLabel } from '~/domain/quarters';
import { STATUS_LABELS, STATUSES } from '~/domain/status';
import { useLang, useT, type MessageKey } from '~/i18n';

export type FilterChoices = {
  plans?: { id: number; title: string }[];
  areas: { code: string; title: string }[];
  owners: { id: number; name: string }[];
  caf: { code: string; titleBg: string; titleEn: string }[];
  quarters: string[];
};

const STATE_KEYS: Record<(typeof DERIVED_STATES)[number], MessageKey> = {
  overdue: 'trStateOverdue',
  due: 'trStateDue',
  late_start: 'trStateLateStart',
};
const SORT_KEYS: Record<(typeof SORTS)[number], MessageKey> = {
  code: 'trSortCode',
  end: 'trSortEnd',
  status: 'trSortStatus',
  updated: 'trSortUpdated',
};

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
  const t = useT();
  const lang = useLang();
  const submit = useSubmit();
  const apply = (event: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => submit(event.currentTarget.form, { replace: true, preventScrollReset: true });
  return (
    <Form method="get" action={action} className="card filters" role="search" aria-label={t('trFiltersTitle')}>
      <div className="filters__grid">
        <label className="filters__wide">
          {t('trFilterSearch')}
          <input type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('trFilterSearchPlaceholder')} />
        </label>
        {choices.plans ? (
          <label>
            {t('trFilterPlan')}
            <select name="plan" defaultValue={filters.plan ?? ''} onChange={apply}>
              <option value="">{t('trFilterAll')}</option>
              {choices.plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('trFilterArea')}
          <select name="area" defaultValue={filters.area ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.areas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.code}. {area.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trFilterOwner')}
          <select name="owner" defaultValue={filters.owner ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('status')}
          <select name="status" defaultValue={filters.status ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status][lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trFilterState')}
          <select name="state" defaultValue={filters.state ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {DERIVED_STATES.map((state) => (
              <option key={state} value={state}>
                {t(STATE_KEYS[state])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trFilterCaf')}
          <select name="caf" defaultValue={filters.caf ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.caf.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code.includes('.') ? '\u00a0\u00a0' : ''}
                {c.code} {lang === 'bg' ? c.titleBg : c.titleEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trFilterQuarter')}
          <select name="quarter" defaultValue={filters.quarter ?? ''} onChange={apply}>
            <option value="">{t('trFilterAll')}</option>
            {choices.quarters.map((key) => (
              <option key={key} value={key}>
                {periodLabel(parsePeriod(key)!, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trAsOf')}
          <input type="date" name="asOf" defaultValue={filters.asOf ?? today} max="9999-12-31" onChange={apply} />
        </label>
        <label>
          {t('trSortBy')}
          <select name="sort" defaultValue={filters.sort ?? 'code'} onChange={apply}>
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_KEYS[sort])}
              </option>
            ))}
          </select>
        </label>
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
