/** The form of a name used to match owners: lower case, single spaces, no trailing dot. */
export function normalizeName(name: string): string {
  return name.toLocaleLowerCase('bg').replace(/\s+/g, ' ').replace(/\.+$/, '').trim();
}
