/** The assessment importer's output contract: what `npm run -s assessment -- import FILE --dry-run --json` prints. */
import type { ImportWarning } from '../types';

export type Scoring = 'classical' | 'fine-tuned';

export interface Phases {
  plan: number;
  do: number;
  check: number;
  act: number;
}

export interface ParsedSubCriterion {
  /** A CAF 2020 sub-criterion: "1.1" to "9.2". */
  code: string;
  /** As written in the file; when only the phases (or trends and targets) are given, their mean. */
  score: number | null;
  /** Fine-tuned scoring of an enabler (criteria 1-5): all four, or null. */
  phases: Phases | null;
  /** Fine-tuned scoring of a result (criteria 6-9). */
  trends: number | null;
  targets: number | null;
  strengths: string[];
  improvements: string[];
}

export interface ParsedAssessment {
  title: string;
  scoring: Scoring;
  /** In CAF order, only those the file has. */
  subCriteria: ParsedSubCriterion[];
  warnings: ImportWarning[];
}
