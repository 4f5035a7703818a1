import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { requireUser } from '~/auth.server';
import { can } from '~/domain/permissions';

/** The start page of each role: heads their own activities, everyone else the plans. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  throw redirect(can(user.role, 'status:update-own') && !can(user.role, 'status:update-any') ? '/my' : '/plans');
}
