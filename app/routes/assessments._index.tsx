import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { formatDateTime } from '~/domain/dates';
import { can } from '~/domain/permissions';
import { pageTitle, translateWith, useLang, useT } from '~/i18n';
import { cycleStepWords } from '~/i18n/cycle';
import { assessmentWords } from '~/i18n/assessment';
import { listAssessments } from '~/models/assessment.server';
import assessmentCss from '~/styles/assessment.css?url';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'asListTitle', assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'assessment:list');
  return { assessments: listAssessments(user), canCreate: can(user.role, 'assessment:create'), canSeeCycle: can(user.role, 'assessment:read') };
}

export default function AssessmentsPage() {
  const { assessments, canCreate, canSeeCycle } = useLoaderData<typeof loader>();
  const t = useT(assessmentWords);
  const lang = useLang();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('asListTitle')}</h1>
        {canCreate ? (
          <div className="page-header__actions">
            <Link to="/assessments/import" className="button">
              {t('asImportLink')}
            </Link>
            <Link to="/assessments/new" className="button button--primary">
              {t('asNew')}
            </Link>
          </div>
        ) : null}
      </div>
      {canSeeCycle ? (
        <p>
          <Link to="/cycle">{translateWith(lang, cycleStepWords, 'csLink')} →</Link>
        </p>
      ) : null}
      {assessments.length === 0 ? (
        <div className="empty-state card">
          <p>{canCreate ? t('asEmptyCreate') : t('asEmpty')}</p>
        </div>
      ) : (
        <ul className="plan-list">
          {assessments.map((item) => (
            <li key={item.id} className="card plan-card">
              <div className="plan-card__main">
                <p className="eyebrow">
                  {t('asPeriod')}: {item.period} · {t(`asSystem_${item.scoringSystem}`)}
                </p>
                <h2>
                  <Link to={`/assessments/${item.id}`}>{item.title}</Link> <span className={`badge as-stage--${item.stage}`}>{t(`asStage_${item.stage}`)}</span>
                </h2>
                <p className="muted small">
                  {t('asCreatedOn', { date: formatDateTime(item.createdAt.getTime(), lang) })} · {t('asMembers', { count: item.members })}
                  {item.membership ? ` · ${t('asYourRole', { role: t(item.membership === 'chair' ? 'asRoleChair' : 'asRoleMember') })}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
