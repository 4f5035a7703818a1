import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { requirePermission } from '~/auth.server';
import { fieldErrors, idSchema } from '~/domain/form-input';
import { LEVEL_FIELDS, structureIntent } from '~/domain/plan-structure-form';
import { pageTitle, useT } from '~/i18n';
import { planStructureWords as words } from '~/i18n/plan-structure';
import { getPlanHeader } from '~/models/plan-page.server';
import { addStructureItem, editStructureItem, getPlanStructure, moveStructureItem, setStructureArchived } from '~/models/plan-structure.server';
import { AddForm, AreaBlock, type StructureReply } from '~/components/plan-structure/structure-items';
import structureCss from '~/styles/plan-structure.css?url';
import { readForm } from '~/upload.server';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: structureCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? `${t('stTitle')} · ${data.plan.title}` : t('stTitle')), words);

function planOf(params: { planId?: string }) {
  const planId = idSchema.safeParse(params.planId);
  const plan = planId.success ? getPlanHeader(planId.data) : null;
  if (!plan) throw new Response('Not found', { status: 404 });
  return plan;
}

/** GET /plans/:planId/structure — the editor of the plan's areas, measures and activities (plan:edit). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'plan:edit');
  const plan = planOf(params);
  return { plan: { id: plan.id, title: plan.title }, areas: getPlanStructure(plan.id) };
}

function textValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
  return values;
}

const reply = (data: StructureReply, status = 200) => Response.json(data, { status });

/** One change of the structure: add, edit, move, archive or restore an area, a measure or an activity. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'plan:edit');
  const plan = planOf(params);
  const form = await readForm(request);
  const values = textValues(form);
  const formKey = values.formKey ?? '';
  const parsed = structureIntent.safeParse(values);
  if (!parsed.success) return reply({ ok: false, formKey, message: 'stBadForm' }, 400);
  const asked = parsed.data;
  if (asked.intent === 'add' || asked.intent === 'edit') {
    const fields = LEVEL_FIELDS[asked.level].safeParse(values);
    if (!fields.success) return reply({ ok: false, formKey, errors: fieldErrors(fields.error) as StructureReply['errors'], values }, 400);
    const item = { level: asked.level, fields: fields.data } as Parameters<typeof addStructureItem>[2];
    const result = asked.intent === 'add' ? addStructureItem(plan.id, asked.parentId, item, user.id) : editStructureItem(plan.id, asked.id, asked.version!, item, user.id);
    if (!result.ok) return reply({ ok: false, formKey, refusal: result.reason, code: fields.data.code, values }, 409);
    return reply({ ok: true, formKey, savedAt: Date.now() });
  }
  const result =
    asked.intent === 'move'
      ? moveStructureItem(plan.id, asked.level, asked.id, asked.version!, asked.direction, user.id)
      : setStructureArchived(plan.id, asked.level, asked.id, asked.version!, asked.intent === 'archive', user.id);
  if (!result.ok) return reply({ ok: false, formKey, refusal: result.reason }, 409);
  return reply({ ok: true, formKey, savedAt: Date.now() });
}

/** A refused change (409: stale, a code in use) reloads the plan too: someone else's change is then on the page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => formMethod === 'POST' || defaultShouldRevalidate;

export default function PlanStructurePage() {
  const { plan, areas } = useLoaderData<typeof loader>();
  const result = useActionData<StructureReply>();
  const t = useT(words);
  return (
    <div className="stack structure">
      <p className="small">
        <Link to={`/plans/${plan.id}`}>{t('stBackToPlan')}</Link>
      </p>
      <header className="structure__header">
        <h1>{t('stTitle')}</h1>
        <p className="structure__plan">{plan.title}</p>
        <p className="muted small">{t('stLead')}</p>
      </header>
      {areas.length === 0 ? <p>{t('stEmpty')}</p> : null}
      <ol className="structure__list">
        {areas.map((area, index) => (
          <AreaBlock key={area.id} area={area} first={index === 0} last={index === areas.length - 1} result={result} />
        ))}
      </ol>
      <AddForm level="area" parentId={null} result={result} />
    </div>
  );
}
