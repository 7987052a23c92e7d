/**
 * The content collections of the other languages (src/i18n/languages.ts): `content/<lang>/categories.yaml` and
 * `content/<lang>/flows/<id>.yaml`, each entry's id `<lang>/<id>` (the translated articles use articlesLoader). A
 * missing file is no error: what is not translated falls back to the default language.
 */
import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { checkFlowSet, describeProblem, flowFromYaml, type FlowFileProblem } from '../troubleshooter/flow-files.ts';
import { flowSchema } from '../troubleshooter/flow-schema.ts';
import { checkTranslatedFlow } from '../troubleshooter/translation-check.ts';
import { checkFlowDirectory } from './flow-loader.ts';

export function categoryTranslationsLoader(contentDir: string, codes: readonly string[]): Loader {
  return {
    name: 'category-translations-loader',
    async load({ config, store, parseData }) {
      store.clear();
      for (const code of codes) {
        const file = fileURLToPath(new URL(`${contentDir}/${code}/categories.yaml`, config.root));
        if (!existsSync(file)) continue;
        const filePath = relative(fileURLToPath(config.root), file).split(sep).join('/');
        const list = parse(await readFile(file, 'utf8')) as unknown;
        if (!Array.isArray(list)) throw new Error(`${filePath}: a list of categories, as in content/categories.yaml`);
        for (const item of list as { id?: unknown }[]) {
          const id = `${code}/${String(item?.id)}`;
          store.set({ id, data: await parseData({ id, data: item as Record<string, unknown>, filePath: file }), filePath });
        }
      }
    },
  };
}

/** The translated flows, each checked against its source (translation-check.ts): a changed graph stops the build. */
export function flowTranslationsLoader(contentDir: string, codes: readonly string[]): Loader {
  return {
    name: 'flow-translations-loader',
    async load({ config, store, parseData }) {
      const projectRoot = fileURLToPath(config.root);
      const sources = (await checkFlowDirectory(fileURLToPath(new URL(`${contentDir}/flows/`, config.root)), projectRoot)).flows;
      const problems: FlowFileProblem[] = [];
      store.clear();
      for (const code of codes) {
        const dir = fileURLToPath(new URL(`${contentDir}/${code}/flows/`, config.root));
        if (!existsSync(dir)) continue;
        for (const name of (await Array.fromAsync(glob('*.yaml', { cwd: dir }))).sort()) {
          const id = basename(name, '.yaml');
          const file = relative(projectRoot, join(dir, name)).split(sep).join('/');
          const read = flowFromYaml(id, file, await readFile(join(dir, name), 'utf8'));
          if (!('data' in read)) {
            problems.push(read);
            continue;
          }
          const source = sources.get(id);
          if (!source) {
            problems.push({
              flow: id,
              message: `no flow content/flows/${id}.yaml to be a translation of`,
              at: { file, line: 1, column: 1 },
            });
            continue;
          }
          // Its shape and graph as the source's are checked, in the set of the sources it hands over to.
          const set = checkFlowSet([read, ...[...sources].filter(([other]) => other !== id).map(([other, data]) => ({ id: other, data }))]);
          const own = set.problems.filter((p) => p.flow === id);
          const parsed = flowSchema.safeParse(read.data);
          const changed = parsed.success ? checkTranslatedFlow(source, `content/flows/${id}.yaml`, parsed.data, read) : [];
          if (own.length || changed.length || !parsed.success) {
            problems.push(...own, ...changed);
            continue;
          }
          store.set({ id: `${code}/${id}`, data: await parseData({ id: `${code}/${id}`, data: parsed.data }), filePath: file });
        }
      }
      if (problems.length) {
        throw new Error(`Troubleshooter translations with problems:\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
      }
    },
  };
}
