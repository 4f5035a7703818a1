/**
 * The activity-list filters kept in the URL, shared by the plan page (/plans/:planId) and the
 * cross-plan list (/activities), and used by the dashboard to drill down:
 *   area=2 owner=17 status=in_progress state=overdue|due|late_start caf=2 | 2.3
 *   quarter=2024-Q2 q=text asOf=2024-06-30 sort=code|end|status|updated plan=3
 * An invalid value is ignored (as if absent), never an error: a shared link keeps working.
 */
import { z } from 'zod';
import { isIsoDate } from './dates';
import { parsePeriod, periodKey } from './quarters';
import { STATUSES } from './status';
import { idSchema } from './form-input';

export const DERIVED_STATES = ['overdue', 'due', 'late_start'] as const;
export type DerivedStateFilter = (typeof DERIVED_STATES)[number];
export const SORTS = ['code', 'end', 'status', 'updated'] as const;
export type SortKey = (typeof SORTS)[number];

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);

export const activityFiltersSchema = z.object({
  plan: optional(idSchema),
  area: optional(z.string().trim().regex(/^\d{1,3}$/)),
  owner: optional(idSchema),
  status: optional(z.enum(STATUSES)),
  state: optional(z.enum(DERIVED_STATES)),
  caf: optional(z.string().trim().regex(/^[1-9](\.[1-9])?$/)),
  quarter: optional(
    z
      .string()
      .transform((value) => parsePeriod(value))
      .refine((period) => period !== null && period.kind === 'quarter')
      .transform((period) => periodKey(period!)),
  ),
  q: optional(
    z
      .string()
      .trim()
      .max(200)
      .transform((value) => value || undefined),
  ),
  asOf: optional(z.string().trim().refine(isIsoDate)),
  sort: optional(z.enum(SORTS)),
});

export type ActivityFilters = z.infer<typeof activityFiltersSchema>;
export const FILTER_KEYS = Object.keys(activityFiltersSchema.shape) as (keyof ActivityFilters)[];

/** Reads the filters from a URL's search params; unknown or invalid values are dropped. */
export function parseActivityFilters(params: URLSearchParams): ActivityFilters {
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const parsed = activityFiltersSchema.parse(raw);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as ActivityFilters;
}

/** The search string ('?area=2&sort=end') of the filters, with changes applied (undefined removes). */
export function filtersSearch(filters: ActivityFilters, changes: Partial<Record<keyof ActivityFilters, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...filters, ...changes };
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter that narrows the list is set (asOf and sort only change how it is shown). */
export function isFiltered(filters: ActivityFilters): boolean {
  return Boolean(filters.area || filters.owner || filters.status || filters.state || filters.caf || filters.quarter || filters.q);
}
