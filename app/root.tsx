import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { getSessionUser } from './auth.server';
import { unreadCount } from './models/notification-inbox.server';
import { getLanguage } from './language.server';
import { permissionsOf, ROLE_LABELS, type Permission, type Role } from './domain/permissions';
import { metaLang, pageTitle, translate, useLang, useT, type MessageKey } from './i18n';
import { useNonce } from './nonce';
import stylesUrl from './styles.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

/** The words of an error page, by the status it answers with. */
function errorWords(status: number): [MessageKey, MessageKey] {
  if (status === 404) return ['notFoundTitle', 'notFoundText'];
  if (status === 403) return ['forbiddenTitle', 'forbiddenText'];
  if (status === 409) return ['notNowTitle', 'notNowText'];
  return ['errorTitle', 'errorText'];
}

/** The title of a page without its own: an error page's title, or the app's name. */
export const meta: MetaFunction = ({ matches, error }) =>
  error ? pageTitle(matches, errorWords(isRouteErrorResponse(error) ? error.status : 500)[0]) : [{ title: translate(metaLang(matches), 'appName') }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const lang = await getLanguage(request, user?.language);
  return {
    lang,
    user: user && { id: user.id, name: user.name, email: user.email, role: user.role },
    permissions: user ? [...permissionsOf(user.role)] : [],
    unreadNotifications: user ? unreadCount(user.id) : 0,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>('root');
}

/** The main navigation; `roles` narrows an item to some of the roles holding its permission. */
const NAV: { to: string; label: MessageKey; permission: Permission; roles?: Role[] }[] = [
  { to: '/plans', label: 'navPlans', permission: 'plan:read' },
  { to: '/my', label: 'navMy', permission: 'status:update-own' },
  { to: '/dashboard', label: 'navDashboard', permission: 'plan:read' },
  // Heads see their own work under "My activities"; the feed is the secretary's.
  { to: '/updates', label: 'navUpdates', permission: 'plan:read', roles: ['admin', 'secretary', 'viewer'] },
  { to: '/reports', label: 'navReports', permission: 'report:export' },
  { to: '/assessments', label: 'navAssessments', permission: 'assessment:list' },
  { to: '/admin/owners', label: 'navOwners', permission: 'owners:manage' },
  { to: '/admin/users', label: 'navAdmin', permission: 'users:manage' },
];

function Header() {
  const data = useRootData();
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const user = data?.user;
  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="app-header__inner">
        <a href="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('appName')}</span>
        </a>
        {user ? (
          <nav aria-label={t('appName')} className="main-nav">
            {NAV.filter((item) => data.permissions.includes(item.permission) && (!item.roles || item.roles.includes(user.role))).map((item) => (
              <NavLink key={item.to} to={item.to} prefetch="intent">
                {t(item.label)}
              </NavLink>
            ))}
          </nav>
        ) : null}
        <div className="header-tools">
          <Form method="post" action="/language" className="inline-form">
            <input type="hidden" name="lang" value={lang === 'bg' ? 'en' : 'bg'} />
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <button type="submit" className="button button--ghost" lang={lang === 'bg' ? 'en' : 'bg'}>
              {t('switchLanguage')}
            </button>
          </Form>
          {user ? (
            <>
              <NavLink
                to="/notifications"
                className="notif-bell"
                aria-label={t('notifBell', { count: data.unreadNotifications })}
                title={t('notifBell', { count: data.unreadNotifications })}
              >
                <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                  <path d="M13.73 21a2 2 0 0 1-3.46 0" />
                </svg>
                {data.unreadNotifications > 0 ? (
                  <span className="notif-bell__count" aria-hidden="true">
                    {data.unreadNotifications > 99 ? '99+' : data.unreadNotifications}
                  </span>
                ) : null}
              </NavLink>
              <Link to="/settings" className="user-chip" title={`${user.email} · ${t('settingsTitle')}`}>
                <span className="user-chip__name">{user.name}</span>
                <span className="user-chip__role">{ROLE_LABELS[user.role][lang]}</span>
              </Link>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="button button--ghost">
                  {t('logout')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const lang = useLang();
  const nonce = useNonce();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <Header />
        <main id="main" className="app-main">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = useLang();
  const t = (key: MessageKey) => translate(lang, key);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] = errorWords(status).map(t);
  if (status >= 500) console.error(error);
  return (
    <div className="error-page">
      <p className="error-page__code">{status}</p>
      <h1>{title}</h1>
      <p>{text}</p>
      <a className="button" href="/">
        {t('backHome')}
      </a>
    </div>
  );
}
