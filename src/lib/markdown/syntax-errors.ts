import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** MDX the compiler rejects, at a line and column counted from the start of the body. */
export class ArticleSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

export async function syntaxChecked<T>(compile: () => T): Promise<Awaited<T>> {
  try {
    return await compile();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /^(\d+):(\d+): /.exec(message);
    if (!position) throw new ArticleSyntaxError(1, 1, message);
    const reason = message.slice(position[0].length).replace(/ \(\d+:\d+\)/, '');
    throw new ArticleSyntaxError(Number(position[1]), Number(position[2]), reason);
  }
}

/** The 1-based line of `text` on which `part` first starts. */
export const lineWhereStarts = (text: string, part: string) => text.slice(0, Math.max(0, text.indexOf(part))).split('\n').length;

/**
 * Runs a compile of an article's body (`body`, from the file at `file`): a syntax error is rethrown naming the
 * file, line and column, lines counted from the top of the file as editors count them, frontmatter included.
 */
export async function compiledInFile<T>(file: string, body: string, compile: () => T): Promise<Awaited<T>> {
  try {
    return await syntaxChecked(compile);
  } catch (error) {
    if (!(error instanceof ArticleSyntaxError)) throw error;
    const source = readFileSync(resolve(file), 'utf8');
    throw new Error(`${file}:${lineWhereStarts(source, body) - 1 + error.line}:${error.column}: ${error.reason}`);
  }
}
