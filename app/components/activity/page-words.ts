import { joinWords, type MessageKey, type WordKey } from '~/i18n';
import { activitiesWords } from '~/i18n/activities';
import { plansWords } from '~/i18n/plans';

/** What an activity's page and its parts show: its own words and the plan's (fields, states, the status form's errors). */
export const activityPageWords = joinWords(plansWords, activitiesWords);

/** A key of the activity page's words, or a common one (form errors carry these). */
export type ActivityPageWordKey = WordKey<typeof activityPageWords> | MessageKey;
