import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requirePermission } from '~/auth.server';
import { activityFiltersSchema } from '~/domain/filters';
import { pageTitle, useT } from '~/i18n';
import { filterOptions } from '~/models/activity-list.server';
import { FEED_PAGE_SIZE, listRecentUpdates } from '~/models/update-feed.server';
import { Pager } from '~/components/pager';
import { UpdateList } from '~/components/dashboard/recent-updates';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'updTitle');

const feedQuerySchema = activityFiltersSchema.pick({ area: true, owner: true }).extend({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** The feed of recent status updates, newest first, by area and owner, 50 a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:read');
  const params = new URL(request.url).searchParams;
  const { page, area, owner } = feedQuerySchema.parse(Object.fromEntries([...params].filter(([, value]) => value !== '')));
  const filters = { area, owner };
  const first = listRecentUpdates(filters, { limit: FEED_PAGE_SIZE, offset: (page - 1) * FEED_PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(first.total / FEED_PAGE_SIZE));
  // A page past the end shows the last one.
  const shown = Math.min(page, pageCount);
  const feed = shown === page ? first : listRecentUpdates(filters, { limit: FEED_PAGE_SIZE, offset: (shown - 1) * FEED_PAGE_SIZE });
  const { areas, owners } = filterOptions();
  return { filters, page: shown, pageCount, total: feed.total, rows: feed.rows, areas, owners };
}

export default function UpdatesPage() {
  const { filters, page, pageCount, total, rows, areas, owners } = useLoaderData<typeof loader>();
  const t = useT();
  const pageHref = (to: number) => {
    const search = new URLSearchParams();
    if (filters.area) search.set('area', filters.area);
    if (filters.owner) search.set('owner', String(filters.owner));
    if (to > 1) search.set('page', String(to));
    return `/updates?${search}`;
  };
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('updTitle')}</h1>
          <p className="muted">{t('updLead')}</p>
        </div>
      </div>
      <Form method="get" className="card filters" key={`${filters.area}-${filters.owner}`}>
        <label>
          {t('trFilterArea')}
          <select name="area" defaultValue={filters.area ?? ''}>
            <option value="">{t('trFilterAll')}</option>
            {areas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.code}. {area.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('trFilterOwner')}
          <select name="owner" defaultValue={filters.owner ?? ''}>
            <option value="">{t('trFilterAll')}</option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('trFilterApply')}</button>
      </Form>
      <p role="status">{t('updCount', { count: total })}</p>
      {rows.length === 0 ? (
        <p className="card empty-state">{t('updNone')}</p>
      ) : (
        <div className="card">
          <UpdateList items={rows} />
        </div>
      )}
      <Pager page={page} pageCount={pageCount} href={pageHref} />
    </div>
  );
}
