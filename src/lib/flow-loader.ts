import { glob, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { checkFlowFiles, describeProblem, type CheckedFlows } from '../troubleshooter/flow-files.ts';

/** Every `<id>.yaml` in `dir`, read and checked together; problems name the file as `projectRoot` sees it. */
export async function checkFlowDirectory(dir: string, projectRoot: string): Promise<CheckedFlows> {
  const names = (await Array.fromAsync(glob('*.yaml', { cwd: dir }))).sort();
  const files = await Promise.all(
    names.map(async (name) => ({
      id: basename(name, '.yaml'),
      file: relative(projectRoot, join(dir, name)).split(sep).join('/'),
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
  return checkFlowFiles(files);
}

/**
 * The troubleshooter flows under `base`, checked as one set (a `flow` step's target is in another file), with each
 * problem at its file and line. A build stops on any problem; `astro dev` reports them and keeps serving the flows
 * that work, so the preview (`?preview`) can show the others' problems beside the editor's changes.
 */
export function flowLoader(base: string): Loader {
  return {
    name: 'flow-loader',
    async load({ config, store, parseData, generateDigest, watcher, logger }) {
      const projectRoot = fileURLToPath(config.root);
      const dir = fileURLToPath(new URL(`${base}/`, config.root));

      const sync = async () => {
        const { flows, problems } = await checkFlowDirectory(dir, projectRoot);
        if (problems.length) {
          const report = `Troubleshooter flows with problems:\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`;
          if (!watcher) throw new Error(report);
          logger.error(report);
        }
        for (const [id, flow] of flows) {
          const digest = generateDigest(flow);
          if (store.get(id)?.digest === digest) continue;
          store.set({ id, data: await parseData({ id, data: flow }), digest, filePath: relative(projectRoot, join(dir, `${id}.yaml`)) });
        }
        for (const id of store.keys()) if (!flows.has(id)) store.delete(id);
      };
      await sync();

      // `astro dev`: every save checks the set again, since one file's change can break another's hand-over.
      if (!watcher) return;
      watcher.add(dir);
      const onFile = async (file: string) => {
        if (!file.startsWith(dir) || !file.endsWith('.yaml')) return;
        await sync();
        logger.info(`Checked the flows after a change to ${relative(projectRoot, file)}`);
      };
      for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, onFile);
    },
  };
}
