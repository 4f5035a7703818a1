import { NavLink } from '@remix-run/react';
import { useT } from '~/i18n';

/** The administrator's pages, reached from one "Administration" entry of the main navigation. */
export function AdminTabs() {
  const t = useT();
  return (
    <nav className="admin-tabs" aria-label={t('navAdmin')}>
      <NavLink to="/admin/users">{t('navUsers')}</NavLink>
      <NavLink to="/admin/reminders">{t('remAdminTitle')}</NavLink>
    </nav>
  );
}
