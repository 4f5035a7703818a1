import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { AssessmentSettingsForm, type SettingsErrors } from '~/components/assessment-settings';
import { assessmentSettingsSchema, firstErrors } from '~/domain/assessment-form';
import { pageTitle, useT } from '~/i18n';
import { assessmentWords } from '~/i18n/assessment';
import { createAssessment } from '~/models/assessment.server';
import assessmentCss from '~/styles/assessment.css?url';
import { readForm } from '~/upload.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'asNewTitle', assessmentWords);
export const links = () => [{ rel: 'stylesheet', href: assessmentCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'assessment:create');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'assessment:create');
  const parsed = assessmentSettingsSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return Response.json({ errors: firstErrors(parsed.error) as SettingsErrors }, { status: 400 });
  const id = createAssessment(user, parsed.data);
  return redirect(`/assessments/${id}/group`);
}

export default function NewAssessmentPage() {
  const data = useActionData<{ errors: SettingsErrors }>();
  const t = useT(assessmentWords);
  return (
    <div className="page as-narrow">
      <div className="page-header">
        <h1>{t('asNewTitle')}</h1>
      </div>
      <div className="card">
        <AssessmentSettingsForm errors={data?.errors} submitLabel={t('asCreate')} />
      </div>
    </div>
  );
}
