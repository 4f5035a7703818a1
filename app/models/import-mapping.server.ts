import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { headerKey, SIGNATURE_ROWS } from '~/domain/mapping-signature';
import { getDb } from '../../db/client';
import { importMappings } from '../../db/schema';
import { previewRows, readMapping, type Mapping, type SheetPreview } from '../../importers';

/** Mappings kept per organization: at most this many (the oldest go). */
const MAX_KEPT = 50;

const firstRows = (bytes: Uint8Array, fileName: string) => previewRows(bytes, fileName, SIGNATURE_ROWS);
const signature = (mapping: Mapping, sheets: SheetPreview[]) => crypto.createHash('sha256').update(headerKey(mapping, sheets)).digest('hex');

/** Keeps the mapping a person chose for this file's headers, for the organization's next file like it. */
export async function keepMapping(organizationId: number, mapping: Mapping, bytes: Uint8Array, fileName: string): Promise<void> {
  const db = getDb();
  const values = { organizationId, signature: signature(mapping, await firstRows(bytes, fileName)), mapping: JSON.stringify(mapping), updatedAt: new Date() };
  db.insert(importMappings)
    .values(values)
    .onConflictDoUpdate({ target: [importMappings.organizationId, importMappings.signature], set: { mapping: values.mapping, updatedAt: values.updatedAt } })
    .run();
  const stale = db
    .select({ id: importMappings.id })
    .from(importMappings)
    .where(eq(importMappings.organizationId, organizationId))
    .orderBy(desc(importMappings.updatedAt), desc(importMappings.id))
    .all()
    .slice(MAX_KEPT);
  for (const row of stale) db.delete(importMappings).where(eq(importMappings.id, row.id)).run();
}

/** The organization's kept mapping whose header texts this file has, if any (newest first). */
export async function keptMappingFor(organizationId: number, bytes: Uint8Array, fileName: string): Promise<Mapping | null> {
  const kept = getDb()
    .select()
    .from(importMappings)
    .where(eq(importMappings.organizationId, organizationId))
    .orderBy(desc(importMappings.updatedAt), desc(importMappings.id))
    .all();
  if (kept.length === 0) return null;
  const sheets = await firstRows(bytes, fileName);
  for (const row of kept) {
    const read = readMapping(JSON.parse(row.mapping));
    if ('mapping' in read && signature(read.mapping, sheets) === row.signature) return read.mapping;
  }
  return null;
}

/** Drops the kept mapping for this file's headers (the person chose the importer's own guess instead). */
export async function forgetMapping(organizationId: number, mapping: Mapping, bytes: Uint8Array, fileName: string): Promise<void> {
  const key = signature(mapping, await firstRows(bytes, fileName));
  getDb()
    .delete(importMappings)
    .where(and(eq(importMappings.organizationId, organizationId), eq(importMappings.signature, key)))
    .run();
}
