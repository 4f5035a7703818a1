import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { PageNumbers } from '~/components/page-numbers';
import { StepDates, StepEvidence, StepStatus, useCycleText } from '~/components/cycle-step';
import { cycleDone } from '~/domain/caf-cycle';
import { formatDate, todayInSofia } from '~/domain/dates';
import { metaLang, pageTitle, translateWith, useLang, useT } from '~/i18n';
import { cycleStepWords } from '~/i18n/cycle';
import { cycleFromRequest } from '~/models/cycle.server';
import cycleCss from '~/styles/cycle-timeline.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: cycleCss }];

// The title is also the file name a browser offers when the page is saved as PDF.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.cycle
    ? [
        {
          title: translateWith(metaLang(matches), cycleStepWords, 'csPrintTitle', { title: data.cycle.assessment.title }),
        },
      ]
    : pageTitle(matches, 'csTitle', cycleStepWords);

/** GET /cycle/print?assessment=ID — the cycle's ten steps as an A4 page to print or save as PDF (the external feedback visit). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'assessment:read');
  const { cycle } = cycleFromRequest(request);
  if (!cycle) throw new Response('Not found', { status: 404 });
  return { cycle, preparedOn: todayInSofia() };
}

export default function CyclePrintPage() {
  const { cycle, preparedOn } = useLoaderData<typeof loader>();
  const t = useT(cycleStepWords);
  const lang = useLang();
  const text = useCycleText();
  const { assessment } = cycle;
  return (
    <div className="cycle-print">
      <PageNumbers template={t('csPageNumber')} />
      <div className="cycle-print__toolbar no-print">
        <Link to={`/cycle?assessment=${assessment.id}`}>← {t('csBack')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('csPrintNow')}
        </button>
      </div>
      <article className="cycle-doc">
        <header className="cycle-doc__header">
          {cycle.organization ? <p className="cycle-doc__org">{cycle.organization}</p> : null}
          <h1>{t('csPrintHeading')}</h1>
          <p className="cycle-doc__cycle">
            {t('csCycleOf', {
              title: assessment.title,
              period: assessment.period,
            })}
          </p>
          <p className="cycle-doc__defines">
            {cycle.plans.length > 0
              ? t('csDefines', {
                  plans: cycle.plans.map((plan) => t('csPlanName', { title: plan.title })).join(', '),
                })
              : t('csNoPlans')}
          </p>
          <p className="cycle-doc__facts">
            {t('csDoneCount', { done: cycleDone(cycle.steps) })} · {t('csPreparedOn')}: {formatDate(preparedOn, lang)}
          </p>
        </header>
        <table className="cycle-table">
          <colgroup>
            <col />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('csColStep')}</th>
              <th scope="col">{t('csColStatus')}</th>
              <th scope="col">{t('csColDates')}</th>
              <th scope="col">{t('csColEvidence')}</th>
            </tr>
          </thead>
          <tbody>
            {cycle.steps.map((step) => (
              <tr key={step.step}>
                <th scope="row">
                  <span className="cycle-table__number">{step.number}.</span> {t(`step_${step.step}`)}
                </th>
                <td>
                  <StepStatus status={step.status} />
                  <span className="cycle-table__reason">{text(step.reason)}</span>
                </td>
                <td>
                  <StepDates step={step} />
                </td>
                <td>
                  <StepEvidence step={step} fileHref={`/cycle/${assessment.id}/evidence/${step.step}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </div>
  );
}
