import type { Lang } from '../domain/lang';
import { commonWords } from './common';
import { fill } from './words';

/** The nouns the word store has counted forms of (common words count_<noun>_one / _other). */
export type Noun = 'activity' | 'measure' | 'area' | 'day' | 'update' | 'overdue';

/** "1 дейност", "5 дейности", "1 day", "0 days": the singular after 1 (or -1), the other form after any other number. */
export function plural(n: number, lang: Lang, noun: Noun): string {
  return fill(commonWords[lang][`count_${noun}_${Math.abs(n) === 1 ? 'one' : 'other'}`], { n });
}
