/**
 * Watches the XML of an .xlsx as it streams into exceljs, for what no spreadsheet holds but a
 * hostile file can: a DTD (entity declarations: "billion laughs", external entities) and
 * elements nested deeper than any spreadsheet nests them (saxes keeps every open element,
 * so a few kilobytes of zipped "<a><a><a>..." cost seconds and hundreds of megabytes).
 * Also a deadline for reading the whole workbook. A small state machine over the characters:
 * tags, quoted attribute values, comments, CDATA and processing instructions.
 */

/** Spreadsheet XML nests about 8 deep (worksheet, sheetData, row, c, is, r, t; styles a little more). */
export const MAX_XML_DEPTH = 64;
export const READ_DEADLINE_MS = 20_000;

export class XmlRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'XmlRefusal';
  }
}

const enum State {
  Text,
  /** Just after "<". */
  Open,
  /** Inside a start tag, after its first character. */
  StartTag,
  EndTag,
  /** "<!" and the characters after it, until we know what it is. */
  Bang,
  Comment,
  Cdata,
  Instruction,
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const DASH = 0x2d;
const BRACKET = 0x5d;

export class XmlWatch {
  private state = State.Text;
  private depth = 0;
  private quote = 0;
  /** The two characters before the current one, for "/>", "-->", "]]>" and "?>". */
  private previous = 0;
  private beforePrevious = 0;
  private bang = '';

  constructor(
    private readonly part: string,
    private readonly deadline: number,
  ) {}

  feed(chunk: string): void {
    if (Date.now() > this.deadline) {
      throw new XmlRefusal(`reading the workbook took longer than ${READ_DEADLINE_MS / 1000} s`);
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case State.Text:
          if (c === LT) this.state = State.Open;
          break;
        case State.Open:
          if (c === SLASH) this.state = State.EndTag;
          else if (c === BANG) {
            this.state = State.Bang;
            this.bang = '';
          } else if (c === QUESTION) this.state = State.Instruction;
          else {
            this.state = State.StartTag;
            this.quote = 0;
            if (++this.depth > MAX_XML_DEPTH) {
              throw new XmlRefusal(`${this.part} nests its XML elements more than ${MAX_XML_DEPTH} deep, which no spreadsheet does`);
            }
          }
          break;
        case State.StartTag:
          if (this.quote !== 0) {
            if (c === this.quote) this.quote = 0;
          } else if (c === QUOTE || c === APOSTROPHE) this.quote = c;
          else if (c === GT) {
            if (this.previous === SLASH) this.depth--;
            this.state = State.Text;
          }
          break;
        case State.EndTag:
          if (c === GT) {
            this.depth = Math.max(0, this.depth - 1);
            this.state = State.Text;
          }
          break;
        case State.Bang:
          this.bang += String.fromCharCode(c);
          if (this.bang === '--') this.state = State.Comment;
          else if (this.bang === '[CDATA[') this.state = State.Cdata;
          else if (this.bang.length >= 7 || !('--'.startsWith(this.bang) || '[CDATA['.startsWith(this.bang))) {
            // <!DOCTYPE, <!ENTITY, <!ELEMENT ...: never in a spreadsheet.
            throw new XmlRefusal(`${this.part} holds a DTD or entity declarations (<!DOCTYPE ...>), which no spreadsheet has`);
          }
          break;
        case State.Comment:
          if (c === GT && this.previous === DASH && this.beforePrevious === DASH) this.state = State.Text;
          break;
        case State.Cdata:
          if (c === GT && this.previous === BRACKET && this.beforePrevious === BRACKET) this.state = State.Text;
          break;
        case State.Instruction:
          if (c === GT && this.previous === QUESTION) this.state = State.Text;
          break;
      }
      this.beforePrevious = this.previous;
      this.previous = c;
    }
  }
}
