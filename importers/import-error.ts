/** Thrown when a file cannot be read at all; the message is one line and names the file. */
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${baseName(fileName)}: ${reason}`);
    this.name = 'ImportError';
  }
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}
