import { createCookie } from '@remix-run/node';
import { LANGS, type Lang as Language } from './domain/lang';

export const languageCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

function isLanguage(value: unknown): value is Language {
  return LANGS.includes(value as Language);
}

/** The language chosen with the switch (cookie), else the user's own, else Bulgarian. */
export async function getLanguage(request: Request, userLanguage?: Language): Promise<Language> {
  const fromCookie = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLanguage(fromCookie)) return fromCookie;
  return userLanguage ?? 'bg';
}

export function parseLanguage(value: FormDataEntryValue | null): Language {
  return isLanguage(value) ? value : 'bg';
}
