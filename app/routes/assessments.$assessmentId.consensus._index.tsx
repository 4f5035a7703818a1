import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { formatScore, subCriterion } from '~/domain/assessment-scoring';
import { pageTitle, useLang, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import { consensusOverview } from '~/models/assessment-sheet.server';
import { listMembers, requireAssessment } from '~/models/assessment.server';
import assessmentCss from '~/styles/assessment.css?url';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'asConsensusOverview', assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assessment } = await requireAssessment(request, params.assessmentId, 'see-scores');
  return {
    assessment: { id: assessment.id, title: assessment.title },
    members: listMembers(assessment.id).length,
    rows: consensusOverview(assessment),
  };
}

/** The figures of each sub-criterion, in the order of the table's columns after its name. */
const NUMBER_COLUMNS = ['asScored', 'asMin', 'asMax', 'asMean', 'asSpread', 'asConsensusScore'] as const;

export default function ConsensusOverviewPage() {
  const { assessment, members, rows } = useLoaderData<typeof loader>();
  const t = useT(assessmentWords);
  const lang = useLang();
  const show = (value: number | null | undefined) => formatScore(value, lang);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/assessments/${assessment.id}`}>{assessment.title}</Link>
          </p>
          <h1>{t('asConsensusOverview')}</h1>
        </div>
      </div>
      <p className="muted">{t('asConsensusHelp')}</p>
      <div className="table-wrap">
        <table className="table as-overview">
          <thead>
            <tr>
              <th scope="col">{t('asSubCriterion')}</th>
              {NUMBER_COLUMNS.map((key) => (
                <th key={key} scope="col" className="num">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const sub = subCriterion(row.code)!;
              return (
                <tr key={row.code}>
                  <td>
                    <Link to={row.code} title={lang === 'bg' ? sub.titleBg : sub.titleEn}>
                      <strong>{row.code}</strong>
                    </Link>{' '}
                    <span className="as-overview__title">{lang === 'bg' ? sub.titleBg : sub.titleEn}</span>
                  </td>
                  <td className="num">
                    {row.spread?.count ?? 0}/{members}
                  </td>
                  <td className="num">{show(row.spread?.min)}</td>
                  <td className="num">{show(row.spread?.max)}</td>
                  <td className="num">{show(row.spread?.mean)}</td>
                  <td className="num">
                    <span className="as-spread" style={{ ['--spread' as string]: `${row.spread?.spread ?? 0}%` }}>
                      {show(row.spread?.spread)}
                    </span>
                  </td>
                  <td className="num">{show(row.consensus)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
