/**
 * The file formats the importer reads, and what it tells people about the ones it does not:
 * which extension goes to which reader, what a file of each kind is called in a message, and
 * how to save an old or foreign file in a format it reads.
 */
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
export const OLD_EXTENSIONS = ['.xls', '.doc', '.rtf'];

/** "not <label>": what a file of the kind is called. */
export const PACKAGE_LABEL: Record<PackageKind, Message> = {
  xlsx: { en: 'an Excel .xlsx file', bg: 'файл на Excel .xlsx' },
  docx: { en: 'a Word .docx file', bg: 'файл на Word .docx' },
  ods: { en: 'a LibreOffice Calc .ods file', bg: 'файл на LibreOffice Calc .ods' },
  odt: { en: 'a LibreOffice Writer .odt file', bg: 'файл на LibreOffice Writer .odt' },
};

/** How to save a table or a document in a format the importer reads, in Excel/Word and in LibreOffice. */
const SAVE_AS_XLSX: Message = {
  en: 'save it as .xlsx (Excel: File > Save As > Excel Workbook (*.xlsx); LibreOffice: File > Save As > Excel 2007-365 (.xlsx))',
  bg: 'запишете го като .xlsx (Excel: Файл > Запиши като > Работна книга на Excel (*.xlsx); LibreOffice: Файл > Запазване като > Excel 2007-365 (.xlsx))',
};
const SAVE_AS_DOCX: Message = {
  en: 'save it as .docx (Word: File > Save As > Word Document (*.docx); LibreOffice: File > Save As > Word 2007-365 (.docx))',
  bg: 'запишете го като .docx (Word: Файл > Запиши като > Документ на Word (*.docx); LibreOffice: Файл > Запазване като > Word 2007-365 (.docx))',
};
const isDocument = (kind: PackageKind | string) => kind === 'docx' || kind === 'odt' || kind === '.doc' || kind === '.rtf';
const saveAs = (kind: PackageKind | string) => (isDocument(kind) ? SAVE_AS_DOCX : SAVE_AS_XLSX);

/** Why a file with an old extension (.xls, .doc, .rtf) is not read, and what to do. */
export function oldFormat(extension: string): Message {
  const what: Record<string, Message> = {
    '.xls': { en: 'the old Excel 97-2003 format (.xls) is not read', bg: 'старият формат на Excel 97-2003 (.xls) не се чете' },
    '.doc': { en: 'the old Word 97-2003 format (.doc) is not read', bg: 'старият формат на Word 97-2003 (.doc) не се чете' },
    '.rtf': { en: 'RTF documents (.rtf) are not read', bg: 'документи RTF (.rtf) не се четат' },
  };
  const reason = what[extension]!;
  const how = saveAs(extension);
  return { en: `${reason.en}; ${how.en}`, bg: `${reason.bg}; ${how.bg}` };
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]; // .xls and .doc before 2007, and password-protected .xlsx and .docx

/** What bytes that are no zip archive are, for "not <label> (...)", with how to save them when that helps. */
export function describeNonZip(bytes: Uint8Array, kind: PackageKind): Message {
  const how = saveAs(kind);
  if (startsWith(bytes, PDF)) return { en: 'it is a PDF document', bg: 'това е PDF документ' };
  if (startsWith(bytes, OLE2)) {
    const old: Message = isDocument(kind)
      ? { en: 'it is an old .doc file or a password-protected document', bg: 'това е стар файл .doc или документ, защитен с парола' }
      : { en: 'it is an old .xls file or a password-protected workbook', bg: 'това е стар файл .xls или работна книга, защитена с парола' };
    return { en: `${old.en}; ${how.en}, without a password`, bg: `${old.bg}; ${how.bg}, без парола` };
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\ufeff|^ï»¿/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return { en: `it is an RTF document; ${SAVE_AS_DOCX.en}`, bg: `това е документ RTF; ${SAVE_AS_DOCX.bg}` };
  if (/<\?mso-application progid="(?:excel\.sheet|word\.document)"/.test(head)) {
    return { en: `it is an Office 2003 XML file; ${how.en}`, bg: `това е файл XML на Office 2003; ${how.bg}` };
  }
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|mime-version:)/.test(head)) {
    return { en: `it is a web page (HTML); ${how.en}`, bg: `това е уеб страница (HTML); ${how.bg}` };
  }
  if (looksLikeText(bytes)) return { en: 'it is a text file; if it is CSV, name it .csv', bg: 'това е текстов файл; ако е CSV, наименувайте го .csv' };
  return { en: 'it is not a zip archive', bg: 'не е zip архив' };
}

/** No control characters but tab and line breaks in the first kilobytes: text in some 8-bit or UTF-8 encoding. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  return head.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}
