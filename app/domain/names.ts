/**
 * The form of a title used to match activities (a re-import, a status report): lower case, single
 * spaces, no trailing dot. Owners are matched by the importer's ownerKey (importers/text.ts) instead.
 */
export function normalizeName(name: string): string {
  return name.toLocaleLowerCase('bg').replace(/\s+/g, ' ').replace(/\.+$/, '').trim();
}
