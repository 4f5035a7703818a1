import { sql } from 'drizzle-orm';
import { CAF_CRITERIA } from '../app/domain/caf2020';
import { cafCriteria } from './schema';
import type { Db } from './client';

/** Writes the CAF 2020 criteria and sub-criteria, updating titles corrected in app/domain/caf2020.ts. */
export function ensureCafCriteria(db: Db): void {
  const rows = CAF_CRITERIA.flatMap((criterion) => [
    { code: criterion.code, parentCode: null, titleEn: criterion.titleEn, titleBg: criterion.titleBg },
    ...criterion.subCriteria.map((sub) => ({ code: sub.code, parentCode: criterion.code, titleEn: sub.titleEn, titleBg: sub.titleBg })),
  ]);
  db.insert(cafCriteria)
    .values(rows)
    .onConflictDoUpdate({
      target: cafCriteria.code,
      set: { parentCode: sql`excluded.parent_code`, titleEn: sql`excluded.title_en`, titleBg: sql`excluded.title_bg` },
    })
    .run();
}
