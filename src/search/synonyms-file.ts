/**
 * Reads `content/search/synonyms.yaml` (and `content/<lang>/search/synonyms.yaml` for each other language) for the
 * build. A malformed file stops the build with its path and line, the
 * way an editor can find and fix it: `content/search/synonyms.yaml:14: groups[3]: a group needs at least two terms`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { synonymsFileSchema, type SynonymGroups } from './synonyms.ts';

export class SynonymsFileError extends Error {
  override name = 'SynonymsFileError';
}

/** The synonyms file of a language: the default language's at `search/`, another's at `<lang>/search/`. */
export const synonymsFilePath = (contentDir: string, language?: string) =>
  language ? `${contentDir}/${language}/search/synonyms.yaml` : `${contentDir}/search/synonyms.yaml`;

/**
 * Every language's synonym groups, the default language's under `defaultLanguage`; each file checked (a malformed
 * one is a SynonymsFileError naming file and line), so the build can stop before it starts.
 */
export function readAllSynonymsFiles(contentDir: string, defaultLanguage: string): Map<string, SynonymGroups> {
  const all = new Map([[defaultLanguage, readSynonymsFile(synonymsFilePath(contentDir))]]);
  const folders = existsSync(contentDir) ? readdirSync(contentDir, { withFileTypes: true }) : [];
  for (const folder of folders) {
    if (folder.isDirectory() && /^[a-z]{2,3}(?:-[a-z0-9]+)*$/i.test(folder.name) && folder.name !== defaultLanguage) {
      const path = synonymsFilePath(contentDir, folder.name);
      if (existsSync(path)) all.set(folder.name, readSynonymsFile(path));
    }
  }
  return all;
}

/** The groups in `path`; none when the file does not exist (a help center without synonyms). */
export function readSynonymsFile(path: string): SynonymGroups {
  if (!existsSync(path)) return [];
  return parseSynonyms(readFileSync(path, 'utf8'), path);
}

export function parseSynonyms(source: string, path: string): SynonymGroups {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new SynonymsFileError(`${path}:${line}: ${syntax.message.split('\n')[0]}`);
  }
  const parsed = synonymsFileSchema.safeParse(document.toJS());
  if (parsed.success) return parsed.data.groups;
  const problems = parsed.error.issues.map((issue) => {
    const path_ = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // The deepest node of the path that exists in the file: a missing entry points at its parent.
    let line = 1;
    for (let depth = path_.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path_.slice(0, depth), true);
      if (isNode(node) && node.range) {
        line = lines.linePos(node.range[0]).line;
        break;
      }
    }
    const where = path_.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
    return `${path}:${line}: ${where ? `${where}: ` : ''}${issue.message}`;
  });
  throw new SynonymsFileError(problems.join('\n'));
}
