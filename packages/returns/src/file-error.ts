/** A file that cannot be read as an SSDA903 table; the message names the file and, where known, the line. */
export class Ssda903FileError extends Error {
  override readonly name = "Ssda903FileError";
  readonly file: string;
  readonly line: number | null;

  constructor(file: string, line: number | null, problem: string) {
    super(line === null ? `${file}: ${problem}` : `${file} line ${line}: ${problem}`);
    this.file = file;
    this.line = line;
  }
}
