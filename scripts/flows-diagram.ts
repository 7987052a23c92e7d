// `npm run flows:diagram -- <id> [--out file.svg]`: a troubleshooter's diagram as SVG, without the server.
// Checks every flow as the build does first, so a broken flow prints its file and line instead of a picture.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFlowDirectory } from '../src/lib/flow-loader.ts';
import { describeProblem } from '../src/troubleshooter/flow-files.ts';
import { diagramInput } from '../src/troubleshooter/diagram-input.ts';
import { diagramSvg } from '../src/troubleshooter/diagram-svg.ts';

const usage = 'usage: npm run flows:diagram -- <flow id> [--out file.svg]';
let args: ReturnType<typeof parseArgs<{ options: { out: { type: 'string' } }; allowPositionals: true }>>;
try {
  args = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const [id, ...extra] = args.positionals;
if (!id || extra.length) {
  console.error(usage);
  process.exit(2);
}

const projectRoot = resolve(import.meta.dirname, '..');
const contentDir = resolve(projectRoot, process.env.CONTENT_DIR ?? 'content');
const { flows, problems } = await checkFlowDirectory(resolve(contentDir, 'flows'), projectRoot);
if (problems.length) {
  console.error(`Troubleshooter flows with problems:\n${problems.map((p) => `  ${describeProblem(p)}`).join('\n')}`);
  process.exit(1);
}
const flow = flows.get(id);
if (!flow) {
  console.error(`There is no flow "${id}". Flows: ${[...flows.keys()].join(', ')}`);
  process.exit(2);
}

const svg = diagramSvg(diagramInput(flow), { title: flow.title });
if (args.values.out) {
  writeFileSync(args.values.out, `${svg}\n`);
  console.log(`Wrote the diagram of "${flow.title}" to ${args.values.out}`);
} else process.stdout.write(`${svg}\n`);
