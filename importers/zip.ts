import { promisify } from 'node:util';
import { crc32, inflateRaw as inflateRawCallback } from 'node:zlib';
import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { describeNonZip, type PackageKind } from './formats';
import { ImportError, type Message } from './import-error';

/** Far above a real plan's few megabytes, and low enough that unpacking and reading any file stays within a few hundred megabytes. */
const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Compression ratio above which a large entry is taken for a bomb; real sheet XML stays far below. */
const MAX_RATIO = 1000;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

const LOCAL_FILE = 0x04034b50;
const CENTRAL_FILE = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
/** The extra field that carries an entry's ZIP64 sizes and offset. */
const ZIP64_EXTRA = 0x0001;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;
const DESCRIPTOR_FLAG = 8;

/** The parts a reader may need; the rest (images, embedded files) is checked, not kept. */
const XML_PART = /\.(?:xml|rels)$/i;

/** The part every package of a kind holds. */
const MAIN_PART: Record<PackageKind, string> = {
  xlsx: 'xl/workbook.xml',
  docx: 'word/document.xml',
  ods: 'content.xml',
  odt: 'content.xml',
};
/** An OpenDocument package names its kind in its first entry, "mimetype". */
const ODF_MIMETYPES: Record<string, PackageKind> = {
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.text': 'odt',
};
const MAX_MIMETYPE_BYTES = 100;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** As declared; a ZIP64 entry (over 4 GB) declares 0xFFFFFFFF, which is over any limit. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Inflates on libuv's thread pool: a large part does not hold the event loop while it unpacks. */
const inflateRaw = promisify(inflateRawCallback);

/** Unpacks an .xlsx (see unpackPackage). */
export function unpackXlsx(bytes: Uint8Array, fileName: string): Promise<Map<string, Uint8Array>> {
  return unpackPackage(bytes, fileName, 'xlsx');
}

/**
 * The kind of package a zip archive is, by the parts its directory lists (and an OpenDocument's
 * mimetype entry); null when the bytes are no readable zip archive or none of the kinds read.
 */
export async function sniffPackage(bytes: Uint8Array): Promise<PackageKind | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint32(0, true) !== LOCAL_FILE) return null;
  const directory = readCentralDirectory(view);
  const entries = directory === null || directory === 'zip64' ? [] : directory.entries;
  if (entries.some((entry) => entry.name === MAIN_PART.docx)) return 'docx';
  if (entries.some((entry) => entry.name === MAIN_PART.xlsx)) return 'xlsx';
  const mimetype = entries.find((entry) => entry.name === 'mimetype' && entry.uncompressedSize <= MAX_MIMETYPE_BYTES);
  const content = mimetype ? await unpack(bytes, view, mimetype) : null;
  return content ? (ODF_MIMETYPES[new TextDecoder().decode(content).trim()] ?? null) : null;
}

/**
 * Unpacks an .xlsx, .docx, .ods or .odt, checking it first: it must be a complete zip archive holding the kind's main part,
 * its central directory must not declare an absurd unpacked size (a zip bomb), and every entry
 * must unpack to exactly its declared size and checksum. The local headers must be exactly
 * the entries the directory lists, one after the other: bytes the directory does not account
 * for (an entry it hides, say) mean a damaged or doctored file.
 * Returns the unpacked XML parts (.xml and .rels) by name; other entries (images) are only checked.
 * Bytes that are no zip archive are told for what they are (a PDF, an old .xls or .doc, RTF, HTML, text).
 * A ZIP64 archive (for files over 4 GB, written by a few tools for any file) is not supported.
 */
export async function unpackPackage(bytes: Uint8Array, fileName: string, kind: PackageKind): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const label = inBoth(importFileWords, `label_${kind}`);
  if (bytes.length < 4 || view.getUint32(0, true) !== LOCAL_FILE) {
    throw new ImportError(fileName, inBoth(importFileWords, 'notKind', { label, what: describeNonZip(bytes, kind) }));
  }
  const directory = readCentralDirectory(view);
  if (directory === 'zip64') throw new ImportError(fileName, inBoth(importFileWords, 'zip64'));
  if (directory === null) throw new ImportError(fileName, inBoth(importFileWords, 'noZipDirectory'));
  const { entries } = directory;
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_UNCOMPRESSED_BYTES) {
    throw new ImportError(fileName, inBoth(importFileWords, 'zipBomb', { size: megabytes(total), limit: megabytes(MAX_UNCOMPRESSED_BYTES) }));
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_CHECK_FROM_BYTES && ratio > MAX_RATIO) {
      throw new ImportError(fileName, inBoth(importFileWords, 'zipBombEntry', { entry: entry.name, ratio: Math.round(ratio), limit: MAX_RATIO }));
    }
  }
  const main = MAIN_PART[kind];
  if (!entries.some((entry) => entry.name === main)) {
    throw new ImportError(fileName, inBoth(importFileWords, 'notKindNoMainPart', { label, main }));
  }
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const content = await unpack(bytes, view, entry);
    if (content === null) {
      throw new ImportError(fileName, inBoth(importFileWords, 'damaged', { why: inBoth(importFileWords, 'entryDoesNotUnpack', { entry: entry.name }) }));
    }
    if (XML_PART.test(entry.name)) parts.set(entry.name, content);
  }
  const stray = strayLocalEntry(view, entries, directory.offset);
  if (stray) throw new ImportError(fileName, inBoth(importFileWords, 'damaged', { why: stray }));
  return parts;
}

/**
 * What is wrong with the local headers as a sequence: the first that is not where the previous
 * entry ended, or does not match its directory entry; null when they are the directory's entries.
 */
function strayLocalEntry(view: DataView, entries: ZipEntry[], directoryOffset: number): Message | null {
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)) {
    const at = entry.localHeaderOffset;
    if (at !== expected) {
      return inBoth(importFileWords, at > expected ? 'unlistedBytesBefore' : 'overlappingEntriesBefore', { entry: entry.name });
    }
    const flags = view.getUint16(at + 6, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder('utf-8').decode(new Uint8Array(view.buffer, view.byteOffset + at + 30, nameLength));
    const sizesDiffer =
      !(flags & DESCRIPTOR_FLAG) &&
      (view.getUint32(at + 18, true) !== entry.compressedSize || view.getUint32(at + 22, true) !== entry.uncompressedSize);
    if (name !== entry.name || view.getUint16(at + 8, true) !== entry.method || sizesDiffer) {
      return inBoth(importFileWords, 'localHeaderMismatch', { entry: entry.name });
    }
    expected = at + 30 + nameLength + view.getUint16(at + 28, true) + entry.compressedSize;
    if (flags & DESCRIPTOR_FLAG) {
      expected += expected + 4 <= view.byteLength && view.getUint32(expected, true) === DATA_DESCRIPTOR ? 16 : 12;
    }
  }
  if (expected === directoryOffset) return null;
  return inBoth(importFileWords, 'unlistedBytesBeforeDirectory');
}

/**
 * Null when the end record is missing or the directory does not fit: a damaged or cut-off file;
 * 'zip64' when the archive is ZIP64 (a ZIP64 locator before the end record, or an entry with
 * ZIP64 sizes).
 */
function readCentralDirectory(view: DataView): { entries: ZipEntry[]; offset: number } | 'zip64' | null {
  const end = findEndRecord(view);
  if (end === -1) return null;
  if (end >= ZIP64_LOCATOR_SIZE && view.getUint32(end - ZIP64_LOCATOR_SIZE, true) === ZIP64_LOCATOR) return 'zip64';
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
    if (at + 46 + nameLength + extraLength + commentLength > offset + size) return null;
    if (hasExtraField(view, at + 46 + nameLength, extraLength, ZIP64_EXTRA)) return 'zip64';
    entries.push({
      name: decoder.decode(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at !== offset + size) return null;
  return { entries, offset };
}

/** Whether the extra fields at `at` (`length` bytes: id, size, data, ...) hold one with the given id. */
function hasExtraField(view: DataView, at: number, length: number, id: number): boolean {
  for (let field = at; field + 4 <= at + length; field += 4 + view.getUint16(field + 2, true)) {
    if (view.getUint16(field, true) === id) return true;
  }
  return false;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** The entry's content, or null when it does not unpack to its declared size and checksum. */
async function unpack(bytes: Uint8Array, view: DataView, entry: ZipEntry): Promise<Uint8Array | null> {
  const at = entry.localHeaderOffset;
  if (entry.flags & ENCRYPTED_FLAG || at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_FILE) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  try {
    let content: Uint8Array;
    if (entry.method === STORED) content = data;
    // maxOutputLength: an entry that unpacks to more than it declares stops there (and fails the size check).
    else if (entry.method === DEFLATED) content = await inflateRaw(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
    else return null;
    return content.length === entry.uncompressedSize && crc32(content) === entry.crc ? content : null;
  } catch {
    return null;
  }
}

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
