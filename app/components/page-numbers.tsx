/**
 * The printed pages' numbers, "Стр. 2 от 5" under each page: a margin box of the CSS @page
 * rule (printed by Chrome and Edge from version 131; other browsers print their own page
 * numbers when their "Headers and footers" print option is on). `template` comes from the word
 * store with {page} and {pages}; the CSS content is made of its words as strings and the page counters.
 */
function pageNumbersCss(template: string): string {
  const content = template
    .split(/(\{pages?\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : JSON.stringify(part)))
    .join(' ');
  return `@page { @bottom-center { content: ${content}; font-size: 8pt; color: #444; } }`;
}

/** The style element of pageNumbersCss, for a print page. */
export function PageNumbers({ template }: { template: string }) {
  return <style dangerouslySetInnerHTML={{ __html: pageNumbersCss(template) }} />;
}
