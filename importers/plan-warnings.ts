import type { Lang } from '../app/domain/lang';
import { importPlanWords } from '../app/i18n/import-plan';
import { fill } from '../app/i18n/words';
import type { Message } from './import-error';
import { normaliseSpace } from './text';
import type { ImportWarning } from './types';

/** Warnings listed; beyond them only counted (a hostile file could make millions, one per cell). */
const MAX_WARNINGS = 1000;

/**
 * The warnings of a plan, in one language: each table's in row order (its whole-column ones
 * last), at most MAX_WARNINGS listed and the rest counted.
 */
export class PlanWarnings {
  private readonly listed: ImportWarning[] = [];
  private table: ImportWarning[] = [];
  private unlisted = 0;

  constructor(private readonly lang: Lang) {}

  add(where: Omit<ImportWarning, 'message'>, message: Message): void {
    if (this.listed.length + this.table.length >= MAX_WARNINGS) {
      this.unlisted++;
      return;
    }
    this.table.push({ ...where, message: message[this.lang] });
  }

  /** Ends a table (or a sheet's note): its warnings go to the list in row order. */
  flush(): void {
    const sorted = this.table.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
    for (const warning of sorted) {
      if (this.listed.length < MAX_WARNINGS) this.listed.push(warning);
      else this.unlisted++;
    }
    this.table = [];
  }

  /** The warnings, and a last one counting those not listed. */
  list(): ImportWarning[] {
    this.flush();
    if (this.unlisted === 0) return this.listed;
    const last = this.listed[this.listed.length - 1]!;
    const count = this.unlisted.toLocaleString(this.lang === 'bg' ? 'bg-BG' : 'en-US');
    const message = fill(importPlanWords[this.lang].warningsNotListed, { count, max: MAX_WARNINGS });
    return [...this.listed, { sheet: last.sheet, row: null, column: null, message }];
  }
}

export function shorten(text: string): string {
  const clean = normaliseSpace(text);
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
