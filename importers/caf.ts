import { CAF_CRITERIA } from './caf2020';
import type { MeasureKind } from './types';

const KNOWN_REFS = new Set(CAF_CRITERIA.flatMap((c) => [c.code, ...c.subCriteria.map((s) => s.code)]));

export interface CafRefs {
  refs: string[];
  /** References that are neither a CAF 2020 criterion nor a sub-criterion. */
  unknown: string[];
}

/** Reads CAF references from a cell: "2.3", "1.2, 2.3", "критерий 2.3", "6". */
export function parseCafRefs(text: string): CafRefs {
  const numbers = text.replace(/caf\s*20\d\d/gi, '').match(/\d+(?:\.\d+)*/g) ?? [];
  const unique = [...new Set(numbers)];
  return {
    refs: unique.filter((ref) => KNOWN_REFS.has(ref)),
    unknown: unique.filter((ref) => !KNOWN_REFS.has(ref)),
  };
}

/** Reads a "type" cell: "стратегическа мярка", "бърза победа", "Quick win". */
export function kindFromType(text: string): MeasureKind | null {
  const lower = text.toLowerCase();
  if (/бърз|quick/.test(lower)) return 'quick_win';
  if (/стратег|strateg/.test(lower)) return 'strategic';
  return null;
}
