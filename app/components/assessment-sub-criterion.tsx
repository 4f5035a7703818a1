import { Link } from '@remix-run/react';
import { criterionKind, SUB_CRITERIA, subCriterion } from '~/domain/assessment-scoring';
import { useLang, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';

/** A sub-criterion page's header: the assessment, the code and title, enabler or result, and the previous and next sub-criterion. */
export function SubCriterionHeader({
  assessment,
  code,
  section,
  linkTo,
}: {
  assessment: { id: number; title: string };
  code: string;
  section: string;
  linkTo: (code: string) => string;
}) {
  const t = useT(assessmentWords);
  const lang = useLang();
  const sub = subCriterion(code)!;
  const index = SUB_CRITERIA.indexOf(sub);
  const previous = SUB_CRITERIA[index - 1];
  const next = SUB_CRITERIA[index + 1];
  return (
    <div className="page-header as-sub-header">
      <div>
        <p className="eyebrow">
          <Link to={`/assessments/${assessment.id}`}>{assessment.title}</Link> · {section}
        </p>
        <h1>
          {code} {lang === 'bg' ? sub.titleBg : sub.titleEn}
        </h1>
        <p className="muted small">{t(criterionKind(code) === 'enabler' ? 'asEnabler' : 'asResult')}</p>
      </div>
      <nav className="as-actions" aria-label={t('asSubCriterion')}>
        {previous ? (
          <Link to={linkTo(previous.code)} className="button button--small" rel="prev">
            {t('asPrev')} {previous.code}
          </Link>
        ) : null}
        {next ? (
          <Link to={linkTo(next.code)} className="button button--small" rel="next">
            {next.code} {t('asNext')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
