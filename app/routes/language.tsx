import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { assertSameOrigin, getSessionUser, safeRedirect } from '~/auth.server';
import { languageCookie, parseLanguage } from '~/language.server';
import { updateUser } from '~/models/user.server';
import { readForm } from '~/upload.server';

/** The language switch: remembered in a cookie, and on the account when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = await readForm(request);
  const lang = parseLanguage(form.get('lang'));
  const user = await getSessionUser(request);
  if (user) updateUser(user.id, { language: lang });
  return redirect(safeRedirect(String(form.get('redirectTo') ?? '/')), {
    headers: { 'Set-Cookie': await languageCookie.serialize(lang) },
  });
}

export function loader() {
  return redirect('/');
}
