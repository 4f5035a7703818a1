import { ImportError } from './import-error';

export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Compression ratio above which a large entry is taken for a bomb; real sheet XML stays far below. */
export const MAX_RATIO = 1000;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

const LOCAL_FILE = 0x04034b50;
const CENTRAL_FILE = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Checks an .xlsx before it is unpacked: it must be a complete zip archive holding a workbook,
 * and its central directory must not declare an absurd unpacked size (a zip bomb).
 */
export function checkXlsxArchive(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint32(0, true) !== LOCAL_FILE) {
    throw new ImportError(fileName, `not an Excel .xlsx file (${describeNonZip(bytes)})`);
  }
  const entries = readCentralDirectory(view);
  if (entries === null) {
    throw new ImportError(fileName, 'the file is damaged or truncated (its zip directory is missing or incomplete)');
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new ImportError(
      fileName,
      `refused: the archive would unpack to ${megabytes(total)} MB (limit ${megabytes(MAX_UNCOMPRESSED_BYTES)} MB); it looks like a zip bomb`,
    );
  }
  const bomb = entries.find(
    (entry) =>
      entry.uncompressedSize > RATIO_CHECK_FROM_BYTES &&
      entry.uncompressedSize > MAX_RATIO * Math.max(entry.compressedSize, 1),
  );
  if (bomb) {
    throw new ImportError(
      fileName,
      `refused: ${bomb.name} would unpack ${Math.round(bomb.uncompressedSize / Math.max(bomb.compressedSize, 1))} times its size (limit ${MAX_RATIO}); it looks like a zip bomb`,
    );
  }
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw new ImportError(fileName, 'not an Excel .xlsx file (the zip archive holds no xl/workbook.xml)');
  }
  return entries;
}

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]; // .xls and .doc before 2007

function describeNonZip(bytes: Uint8Array): string {
  const startsWith = (magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(PDF)) return 'it is a PDF document';
  if (startsWith(OLE2)) return 'it is an old .xls or .doc file; save it as .xlsx';
  return 'it is not a zip archive';
}

/** Null when the end record is missing or the directory does not fit: a damaged or cut-off file. */
function readCentralDirectory(view: DataView): ZipEntry[] | null {
  const end = findEndRecord(view);
  if (end === -1) return null;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (offset + size > end) return null;
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_FILE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      compressedSize: view.getUint32(at + 20, true),
      // a ZIP64 entry (over 4 GB) counts as its marker, which is over any limit
      uncompressedSize: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
