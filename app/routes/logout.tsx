import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { assertSameOrigin, logout } from '~/auth.server';

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return logout(request);
}

export function loader() {
  return redirect('/');
}
