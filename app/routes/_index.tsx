import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { requireUser } from '~/auth.server';
import { can } from '~/domain/permissions';

/**
 * The start page of each role (where a login lands): heads their own activities, everyone
 * else (secretary, viewer, admin) the dashboard of the running plans: what is late and whose;
 * an assessor (no plan pages) their self-assessments.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, 'plan:read')) throw redirect('/assessments');
  throw redirect(can(user.role, 'status:update-own') && !can(user.role, 'status:update-any') ? '/my' : '/dashboard');
}
