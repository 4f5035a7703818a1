/** The dashboard's first panel: who is late, with how many activities, the oldest days late; owners no user is linked to are flagged. */
import { plural } from '~/i18n/counts';
import { useLang, useT } from '~/i18n';
import { dashboardWords } from '~/i18n/dashboard';
import type { OwnerLoad } from '~/domain/dashboard-data';
import { useAppLinkClick } from '~/components/app-link';

/** The owners page, at that owner's row (link a user or merge). */
export const ownerAdminHref = (ownerId: number) => `/admin/owners#owner-${ownerId}`;

export function UnlinkedOwnerBadge({ ownerId, canManage }: { ownerId: number; canManage: boolean }) {
  const t = useT(dashboardWords);
  const onLinkClick = useAppLinkClick();
  return (
    <span className="owner-unlinked">
      <span className="badge badge--unlinked" title={t('ownerUnlinkedHint')}>
        {t('ownerUnlinked')}
      </span>
      {canManage ? (
        <a href={ownerAdminHref(ownerId)} onClick={onLinkClick} data-discover="true" className="small">
          {t('ownerLinkAction')}
        </a>
      ) : null}
    </span>
  );
}

export function OverdueByOwner({
  owners,
  limit,
  canManageOwners,
  href,
}: {
  owners: OwnerLoad[];
  limit: number;
  canManageOwners: boolean;
  href: (filters: { owner: number; state: 'overdue' }) => string;
}) {
  const t = useT(dashboardWords);
  const lang = useLang();
  const onLinkClick = useAppLinkClick();
  const late = owners.filter((owner) => owner.overdue > 0);
  return (
    <section className="card dashboard-panel overdue-owners" aria-labelledby="overdue-owners">
      <h2 id="overdue-owners">{t('dashOwnersOverdueTitle')}</h2>
      {late.length === 0 ? (
        <p className="muted">{t('dashNoOwnersOverdue')}</p>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('dashColOwner')}</th>
              <th scope="col" className="num">
                {t('dashColOverdueCount')}
              </th>
              <th scope="col" className="num">
                {t('dashColOldest')}
              </th>
            </tr>
          </thead>
          <tbody>
            {late.map((owner) => (
              <tr key={owner.id} data-owner={owner.id}>
                <td>
                  <a href={href({ owner: owner.id, state: 'overdue' })} onClick={onLinkClick} data-discover="true">
                    {owner.name}
                  </a>
                  {owner.unlinked ? <UnlinkedOwnerBadge ownerId={owner.id} canManage={canManageOwners} /> : null}
                </td>
                <td className="num">
                  <strong className="overdue-owners__count">{owner.overdue}</strong>
                </td>
                <td className="num">{owner.oldestDaysOverdue === null ? '—' : plural(owner.oldestDaysOverdue, lang, 'day')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {owners.length >= limit ? <p className="muted small">{t('dashMoreOwners', { n: limit })}</p> : null}
    </section>
  );
}
