/**
 * A small XML tokenizer for the parts of an .xlsx: it walks the tags of a decoded part with
 * indexOf, and the readers in importers/xlsx.ts ask it for the few elements, attributes and
 * texts they need. It checks what a strict parser would (tags closed in order, one root,
 * entities, characters XML allows) and refuses what no spreadsheet holds but a hostile file
 * can: a DTD (entity declarations: "billion laughs", external entities) and elements nested
 * deeper than any spreadsheet nests them. It also keeps the deadline of the whole read (ReadBudget's).
 */

import { importFileWords } from '../app/i18n/import-files';
import { inBoth } from '../app/i18n/words';
import { ImportError, type Message } from './import-error';
import { READ_DEADLINE_MS } from './limits';
import type { ReadBudget } from './read-budget';

/** Spreadsheet XML nests about 8 deep (worksheet, sheetData, row, c, is, r, t; styles a little more). */
export const MAX_XML_DEPTH = 64;

/** The part holds what no spreadsheet holds (a DTD, absurd nesting) or takes too long: refused. */
export class XmlRefusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'XmlRefusal';
  }
}

/** The part is not well-formed XML, or not laid out as a spreadsheet part; the reason says where. */
export class XmlSyntaxError extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
    this.name = 'XmlSyntaxError';
  }
}

/**
 * What a reader of a package's XML parts throws: an ImportError as it is; a refusal as one;
 * broken XML, or anything else a hostile file may cause (a string or array too long, say), as
 * `cannotRead` ("the workbook could not be read ({why})") with the reason in brackets.
 */
export function asImportError(
  error: unknown,
  fileName: string,
  cannotRead: 'workbookUnreadable' | 'spreadsheetUnreadable' | 'documentUnreadable',
): ImportError {
  if (error instanceof ImportError) return error;
  if (error instanceof XmlRefusal) return new ImportError(fileName, inBoth(importFileWords, 'refused', { reason: error.reason }));
  const why = error instanceof XmlSyntaxError ? error.reason : String(error);
  return new ImportError(fileName, inBoth(importFileWords, cannotRead, { why }));
}

/** What next() read. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export type Token = typeof END | typeof OPEN | typeof CLOSE;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const EQUALS = 0x3d;

/** Characters XML 1.0 does not allow anywhere, not even escaped (NUL, most C0 controls, U+FFFE, U+FFFF). */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** The deadline is checked once every so many tags (a power of two, less one). */
const DEADLINE_EVERY = 0x3ff;
/** Bytes of a part decoded (and checked) at a time before the reader lets the event loop go. */
const DECODE_CHUNK_BYTES = 1024 * 1024;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** Letters, "_", ":" and anything beyond ASCII: so "<<", "< a", "<1" and "<=" are not tags. */
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === COLON || c >= 0x80;
/** Anything but white space and the characters that end a name ("<", ">", "/", "=", quotes); NaN past the end is none. */
const isNameChar = (c: number) =>
  c > 0x20 && c !== GT && c !== SLASH && c !== EQUALS && c !== LT && c !== QUOTE && c !== APOSTROPHE;

export class XmlScanner {
  /** Local name (any "x:" prefix dropped) of the element of the last OPEN or CLOSE. */
  name = '';
  /** Open elements, qualified names, outermost first; and their local names. */
  private readonly stack: string[] = [];
  private readonly names: string[] = [];
  private pos = 0;
  /** The attributes of the last OPEN: for each, where its name starts and ends, and its value (inside the quotes). */
  private readonly attributeBounds: number[] = [];
  private attributeCount = 0;
  /** The last OPEN was "<x/>": the next call of next() gives its CLOSE without reading. */
  private pendingClose = false;
  private rootSeen = false;
  private tokens = 0;

  /**
   * A scanner of a part's bytes (UTF-8; a BOM is dropped, bytes that are not UTF-8 become
   * U+FFFD), decoded and checked a chunk at a time with a pause between chunks, so that a large
   * part does not hold the event loop while it is decoded.
   */
  static async read(bytes: Uint8Array, part: string, budget: ReadBudget): Promise<XmlScanner> {
    const decoder = new TextDecoder('utf-8');
    let xml = '';
    for (let at = 0; at < bytes.length; at += DECODE_CHUNK_BYTES) {
      const end = Math.min(at + DECODE_CHUNK_BYTES, bytes.length);
      const chunk = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
      // The constructor finds the character again, to say on which line it stands.
      if (FORBIDDEN_CHAR.test(chunk)) return new XmlScanner(xml + chunk, part, budget.deadline);
      xml += chunk;
      await budget.pause();
    }
    return new XmlScanner(xml, part, budget.deadline, true);
  }

  constructor(
    private readonly xml: string,
    /** The part's path in the archive, for messages. */
    readonly part: string,
    private readonly deadline: number,
    /** The text was checked for forbidden characters as it was decoded (by read()). */
    charactersChecked = false,
  ) {
    this.checkDeadline();
    const forbidden = charactersChecked ? null : FORBIDDEN_CHAR.exec(xml);
    if (forbidden) {
      const code = `U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
      this.fail(inBoth(importFileWords, 'xmlForbiddenChar', { code }), forbidden.index);
    }
  }

  /** How many elements are open; after an OPEN it counts the element just opened. */
  get depth(): number {
    return this.stack.length;
  }

  /** Reads up to the next start or end tag, skipping text, comments, processing instructions and CDATA. */
  next(): Token {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.stack.pop();
      this.names.pop();
      return CLOSE;
    }
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (this.stack.length === 0) this.checkOutsideRoot(this.pos, lt === -1 ? xml.length : lt);
      if (lt === -1) {
        this.pos = xml.length;
        const open = this.stack.at(-1);
        if (open !== undefined) this.fail(inBoth(importFileWords, 'xmlEndsBefore', { tag: open }));
        return END;
      }
      if ((++this.tokens & DEADLINE_EVERY) === 0) this.checkDeadline();
      const next = xml.charCodeAt(lt + 1);
      if (next === SLASH) return this.closeTag(lt);
      if (next === BANG || next === QUESTION) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      return this.openTag(lt);
    }
  }

  /**
   * The text of the element just opened, up to its next tag, with entities decoded and line
   * breaks as "\n". Comments and processing instructions in it are skipped; CDATA is dropped
   * (Excel never writes it; exceljs did not read it either).
   */
  text(): string {
    if (this.pendingClose) return '';
    const xml = this.xml;
    let text = '';
    for (;;) {
      const start = this.pos;
      let lt = xml.indexOf('<', start);
      if (lt === -1) lt = xml.length;
      if (lt > start) text += this.decode(xml.slice(start, lt), start);
      this.pos = lt;
      const next = xml.charCodeAt(lt + 1);
      const skippable = next === QUESTION || (next === BANG && (xml.startsWith('<!--', lt) || xml.startsWith('<![CDATA[', lt)));
      if (lt === xml.length || !skippable) return text;
      this.pos = this.skipMarkup(lt);
    }
  }

  /** The value of an attribute of the element just opened, entities decoded; matched by its local name. */
  attribute(name: string): string | null {
    const xml = this.xml;
    const bounds = this.attributeBounds;
    for (let i = 0; i < this.attributeCount; i += 4) {
      const nameStart = bounds[i]!;
      const nameEnd = bounds[i + 1]!;
      const length = nameEnd - nameStart;
      const matches =
        length === name.length
          ? xml.startsWith(name, nameStart)
          : length > name.length && xml.charCodeAt(nameEnd - name.length - 1) === COLON && xml.startsWith(name, nameEnd - name.length);
      if (matches) return this.decode(xml.slice(bounds[i + 2], bounds[i + 3]), bounds[i + 2]!);
    }
    return null;
  }

  /** Skips the element just opened, with everything in it. */
  skipElement(): void {
    const depth = this.depth;
    while (this.next() !== CLOSE || this.depth >= depth);
  }

  /** Throws an XmlSyntaxError that says where in the part (line and column) the XML breaks. */
  fail(what: Message, at = this.pos): never {
    let line = 1;
    let lineStart = 0;
    for (let nl = this.xml.indexOf('\n'); nl !== -1 && nl < at; nl = this.xml.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    const column = at - lineStart + 1;
    throw new XmlSyntaxError(inBoth(importFileWords, 'xmlAt', { part: this.part, line, column, what }));
  }

  /** Reads the start tag at `lt`, noting where each attribute's name and value are (read on demand by attribute()). */
  private openTag(lt: number): Token {
    const xml = this.xml;
    if (!isNameStart(xml.charCodeAt(lt + 1))) this.fail(inBoth(importFileWords, 'xmlLoneLt'), lt);
    let at = lt + 1;
    let c = xml.charCodeAt(at);
    while (isNameChar(c)) c = xml.charCodeAt(++at);
    const nameEnd = at;
    const bounds = this.attributeBounds;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (isSpace(c)) c = xml.charCodeAt(++at);
      if (c === GT) break;
      if (c === SLASH && xml.charCodeAt(at + 1) === GT) {
        selfClosing = true;
        at++;
        break;
      }
      const attributeStart = at;
      while (isNameChar(c)) c = xml.charCodeAt(++at);
      if (at === attributeStart) this.failInTag(lt, at);
      const attributeEnd = at;
      while (isSpace(c)) c = xml.charCodeAt(++at);
      if (c !== EQUALS) this.failInTag(lt, at);
      c = xml.charCodeAt(++at);
      while (isSpace(c)) c = xml.charCodeAt(++at);
      if (c !== QUOTE && c !== APOSTROPHE) this.failInTag(lt, at);
      // The value is skipped whole: it may hold ">" (number formats do).
      const close = xml.indexOf(c === QUOTE ? '"' : "'", at + 1);
      if (close === -1) this.failInTag(lt, at);
      bounds[count] = attributeStart;
      bounds[count + 1] = attributeEnd;
      bounds[count + 2] = at + 1;
      bounds[count + 3] = close;
      count += 4;
      at = close + 1;
      c = xml.charCodeAt(at);
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) this.fail(inBoth(importFileWords, 'xmlSecondRoot'), lt);
      this.rootSeen = true;
    }
    if (this.stack.length >= MAX_XML_DEPTH) {
      throw new XmlRefusal(inBoth(importFileWords, 'xmlTooDeep', { part: this.part, max: MAX_XML_DEPTH }));
    }
    const qualified = xml.slice(lt + 1, nameEnd);
    this.name = localName(qualified);
    this.stack.push(qualified);
    this.names.push(this.name);
    this.attributeCount = count;
    this.pendingClose = selfClosing;
    this.pos = at + 1;
    return OPEN;
  }

  /** A start tag that breaks off (at the end of the part, say) or holds what no attribute is. */
  private failInTag(lt: number, at: number): never {
    const tag = this.xml.slice(lt + 1, Math.min(at, lt + 40));
    if (at >= this.xml.length) this.fail(inBoth(importFileWords, 'xmlTagNotClosed', { tag }), lt);
    this.fail(inBoth(importFileWords, 'xmlBadAttributes', { tag }), at);
  }

  private closeTag(lt: number): Token {
    const xml = this.xml;
    const gt = xml.indexOf('>', lt + 2);
    if (gt === -1) this.fail(inBoth(importFileWords, 'xmlEndTagNotClosed'), lt);
    const open = this.stack.pop();
    let nameEnd = open !== undefined && xml.startsWith(open, lt + 2) ? lt + 2 + open.length : -1;
    while (nameEnd !== -1 && nameEnd < gt && isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
    if (open === undefined || nameEnd !== gt) {
      const tag = xml.slice(lt + 2, Math.min(gt, lt + 40)).trim();
      if (open === undefined) this.fail(inBoth(importFileWords, 'xmlClosesNothing', { tag }), lt);
      this.fail(inBoth(importFileWords, 'xmlWrongEndTag', { tag, open }), lt);
    }
    this.name = this.names.pop()!;
    this.pos = gt + 1;
    return CLOSE;
  }

  /** Past a comment, CDATA section or processing instruction at `lt`; a DTD is refused. */
  private skipMarkup(lt: number): number {
    const xml = this.xml;
    let open: string;
    let close: string;
    if (xml.charCodeAt(lt + 1) === QUESTION) [open, close] = ['<?', '?>'];
    else if (xml.startsWith('<!--', lt)) [open, close] = ['<!--', '-->'];
    else if (xml.startsWith('<![CDATA[', lt)) [open, close] = ['<![CDATA[', ']]>'];
    // <!DOCTYPE, <!ENTITY, <!ELEMENT ...: never in a spreadsheet.
    else {
      throw new XmlRefusal(inBoth(importFileWords, 'xmlDtd', { part: this.part }));
    }
    const end = xml.indexOf(close, lt + open.length);
    if (end === -1) {
      this.fail(inBoth(importFileWords, 'xmlUnclosedMarkup'), lt);
    }
    return end + close.length;
  }

  /** Before and after the root element only white space may stand. */
  private checkOutsideRoot(from: number, to: number): void {
    for (let at = from; at < to; at++) {
      if (!isSpace(this.xml.charCodeAt(at))) this.fail(inBoth(importFileWords, 'xmlTextOutsideRoot'), at);
    }
  }

  private checkDeadline(): void {
    if (Date.now() > this.deadline) {
      const seconds = READ_DEADLINE_MS / 1000;
      throw new XmlRefusal(inBoth(importFileWords, 'readTooLong', { seconds }));
    }
  }

  /** Text or an attribute value as XML means it: entities decoded, "\r\n" and "\r" as "\n". */
  private decode(raw: string, at: number): string {
    let text = raw;
    if (text.indexOf('&') !== -1) text = this.decodeEntities(text, at);
    if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
    return text;
  }

  private decodeEntities(raw: string, at: number): string {
    let text = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
      const semicolon = raw.indexOf(';', amp);
      if (semicolon === -1) {
        this.fail(inBoth(importFileWords, 'xmlLoneAmp'), at + amp);
      }
      const entity = raw.slice(amp + 1, semicolon);
      text += raw.slice(from, amp) + this.entity(entity, at + amp);
      from = semicolon + 1;
    }
    return text + raw.slice(from);
  }

  private entity(entity: string, at: number): string {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = /^#x[0-9a-f]{1,6}$/i.test(entity) ? parseInt(entity.slice(2), 16) : /^#\d{1,7}$/.test(entity) ? Number(entity.slice(1)) : NaN;
    const shown = `&${entity.length > 12 ? `${entity.slice(0, 12)}…` : `${entity};`}`;
    if (Number.isNaN(code)) this.fail(inBoth(importFileWords, 'xmlUnknownEntity', { entity: shown }), at);
    if (!isXmlChar(code)) this.fail(inBoth(importFileWords, 'xmlEntityNotAllowed', { entity: shown }), at);
    return String.fromCodePoint(code);
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
