/** The interface languages: Bulgarian first, English second. */
export const LANGS = ['bg', 'en'] as const;
export type Lang = (typeof LANGS)[number];
