/** A file that cannot be read as a CIN census return; the message names the file and, where known, the line. */
export class CinFileError extends Error {
  override readonly name = "CinFileError";
  readonly file: string;
  readonly line: number | null;
  /** What is wrong, without the file and line. */
  readonly problem: string;

  constructor(file: string, line: number | null, problem: string) {
    super(line === null ? `${file}: ${problem}` : `${file} line ${String(line)}: ${problem}`);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
