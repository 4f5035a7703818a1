/**
 * The file formats the importer reads, and what it tells people about the ones it does not:
 * which extension goes to which reader, and how to save an old or foreign file in a format it
 * reads. The words are in app/i18n/import-files.ts (what a file of each kind is called: label_<kind>).
 */
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import type { Message } from './import-error';

/** The zip packages read: Excel, Word, LibreOffice Calc and Writer. */
export type PackageKind = 'xlsx' | 'docx' | 'ods' | 'odt';

export const PACKAGE_EXTENSIONS: Record<string, PackageKind> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.docx': 'docx',
  '.ods': 'ods',
  '.odt': 'odt',
};
export const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];
/** The old formats that are not read, with why (the text's key). */
const OLD_FORMAT: Record<string, 'oldXls' | 'oldDoc' | 'oldRtf'> = { '.xls': 'oldXls', '.doc': 'oldDoc', '.rtf': 'oldRtf' };
export const OLD_EXTENSIONS = Object.keys(OLD_FORMAT);

const isDocument = (kind: PackageKind | string) => kind === 'docx' || kind === 'odt' || kind === '.doc' || kind === '.rtf';
/** How to save a table or a document in a format the importer reads, in Excel/Word and in LibreOffice. */
const saveAs = (kind: PackageKind | string) => inBoth(importFileWords, isDocument(kind) ? 'saveAsDocx' : 'saveAsXlsx');

/** Why a file with an old extension (.xls, .doc, .rtf) is not read, and what to do. */
export function oldFormat(extension: string): Message {
  return inBoth(importFileWords, OLD_FORMAT[extension]!, { how: saveAs(extension) });
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]; // .xls and .doc before 2007, and password-protected .xlsx and .docx

/** What bytes that are no zip archive are, for "not <label> (...)", with how to save them when that helps. */
export function describeNonZip(bytes: Uint8Array, kind: PackageKind): Message {
  const how = saveAs(kind);
  if (startsWith(bytes, PDF)) return inBoth(importFileWords, 'isPdf');
  if (startsWith(bytes, OLE2)) return inBoth(importFileWords, isDocument(kind) ? 'isOldOrLockedDocument' : 'isOldOrLockedWorkbook', { how });
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\ufeff|^ï»¿/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return inBoth(importFileWords, 'isRtf', { how: saveAs('.rtf') });
  if (/<\?mso-application progid="(?:excel\.sheet|word\.document)"/.test(head)) return inBoth(importFileWords, 'isOffice2003Xml', { how });
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|mime-version:)/.test(head)) return inBoth(importFileWords, 'isHtml', { how });
  if (looksLikeText(bytes)) return inBoth(importFileWords, 'isText');
  return inBoth(importFileWords, 'notZip');
}

/** No control characters but tab and line breaks in the first kilobytes: text in some 8-bit or UTF-8 encoding. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}
