import dagre from '@dagrejs/dagre';
import type { DiagramEdge, DiagramNode } from './diagram-input.ts';

/** What readers did at a step in a period, drawn inside its box: views, and those who left there (null at ends). */
export interface StepFigures {
  views: number;
  left: number | null;
}

export interface DiagramOptions {
  /** Named in the SVG's accessible name. */
  title: string;
  /** Per step id; steps without figures show none. */
  figures?: ReadonlyMap<string, StepFigures>;
}

// No browser measures text here: widths are estimated from character counts at these sizes (a sans-serif averages
// a little over half an em per character), generously, so text stays inside its box.
const FONT = 13;
const CHAR = FONT * 0.6;
const LINE = FONT + 4;
const PAD = 10;
const TITLE_CHARS = 30;
const LABEL_CHARS = 24;

const KIND_LABEL: Record<DiagramNode['kind'], string> = {
  question: 'Question',
  instructions: 'Try this',
  auto: 'Automatic',
  flow: 'Hand-over',
  outcome: 'Outcome',
  escalate: 'Escalate',
};

const END_LABEL = { resolved: 'resolved', handoff: 'hand-off', escalate: 'to support' } as const;

/** Wraps text at spaces into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function nodeLines(node: DiagramNode, figures: StepFigures | undefined): { kind: string; title: string[]; figures?: string } {
  const tag = node.end ? `${KIND_LABEL[node.kind]}: ${END_LABEL[node.end]}` : KIND_LABEL[node.kind];
  const title = wrap(node.handsOverTo ? `${node.title} → ${node.handsOverTo}` : node.title, TITLE_CHARS);
  const numbers = figures && `${figures.views} views${figures.left === null ? '' : ` · ${figures.left} left`}`;
  return { kind: node.start ? `Start · ${tag}` : tag, title, ...(numbers ? { figures: numbers } : {}) };
}

/**
 * A flow's diagram as SVG markup, laid out by dagre on the server: steps as boxes styled by kind, choices as
 * labelled arrows, ends marked resolved, hand-off or to support, and optionally each step's figures.
 */
export function diagramSvg(input: { nodes: DiagramNode[]; edges: DiagramEdge[] }, options: DiagramOptions): string {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, edgesep: 14, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));

  const lines = new Map(input.nodes.map((n) => [n.id, nodeLines(n, options.figures?.get(n.id))]));
  for (const node of input.nodes) {
    const l = lines.get(node.id)!;
    const texts = [l.kind, ...l.title, ...(l.figures ? [l.figures] : [])];
    const width = Math.max(...texts.map((t) => t.length)) * CHAR + 2 * PAD;
    graph.setNode(node.id, { width: Math.max(120, width), height: texts.length * LINE + 2 * PAD });
  }
  const labels = new Map(input.edges.map((e) => [e.id, wrap(e.label, LABEL_CHARS)]));
  for (const edge of input.edges) {
    const label = labels.get(edge.id)!;
    graph.setEdge(
      edge.from,
      edge.to,
      { width: Math.max(...label.map((t) => t.length)) * CHAR * 0.9, height: label.length * (LINE - 2), labelpos: 'c' },
      edge.id,
    );
  }
  dagre.layout(graph);

  const parts: string[] = [];
  for (const edge of input.edges) {
    const laid = graph.edge({ v: edge.from, w: edge.to, name: edge.id }) as { points: { x: number; y: number }[]; x: number; y: number };
    const d = laid.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const label = labels.get(edge.id)!;
    const top = laid.y - (label.length * (LINE - 2)) / 2 + FONT - 2;
    parts.push(
      `<g class="edge" data-edge="${escape(edge.id)}"><path d="${d}" marker-end="url(#arrow)"/>` +
        label.map((t, i) => `<text x="${laid.x.toFixed(1)}" y="${(top + i * (LINE - 2)).toFixed(1)}">${escape(t)}</text>`).join('') +
        `</g>`,
    );
  }
  for (const node of input.nodes) {
    const laid = graph.node(node.id);
    const l = lines.get(node.id)!;
    const x = laid.x - laid.width / 2;
    const y = laid.y - laid.height / 2;
    const text = (t: string, i: number, cls: string) =>
      `<text class="${cls}" x="${laid.x.toFixed(1)}" y="${(y + PAD + FONT + i * LINE).toFixed(1)}">${escape(t)}</text>`;
    const rows = [text(l.kind, 0, 'kind'), ...l.title.map((t, i) => text(t, i + 1, 'title'))];
    if (l.figures) rows.push(text(l.figures, l.title.length + 1, 'figures'));
    parts.push(
      `<g class="step ${node.kind}${node.end ? ` end-${node.end}` : ''}" data-step="${escape(node.id)}">` +
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${laid.width.toFixed(1)}" height="${laid.height.toFixed(1)}" rx="6"/>` +
        rows.join('') +
        `</g>`,
    );
  }

  const { width = 0, height = 0 } = graph.graph();
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" role="img" aria-label="${escape(`Diagram of the troubleshooter “${options.title}”`)}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`,
    // Self-contained styles, so the file reads the same opened alone as inside a page.
    `<style>.edge path{fill:none;stroke:#555;stroke-width:1.3}.edge text{text-anchor:middle;fill:#333;font-size:${FONT - 2}px}` +
      `.step rect{fill:#fff;stroke:#444;stroke-width:1.5}.step text{text-anchor:middle;fill:#111}.step .kind{font-size:${FONT - 2}px;fill:#444;font-weight:600}` +
      `.step .figures{font-weight:600;fill:#7a2e00}.question rect{fill:#eef4ff;stroke:#2457a6}.instructions rect{fill:#f5f5f5}` +
      `.auto rect{fill:#f3eefc;stroke:#6b3fb3;stroke-dasharray:5 3}.flow rect{fill:#fffbe8;stroke:#8a6d00;stroke-dasharray:5 3}` +
      `.end-resolved rect{fill:#eaf7ee;stroke:#1f7a3a;stroke-width:2.5}.end-handoff rect{fill:#fff4e5;stroke:#a65b00;stroke-width:2.5}` +
      `.end-escalate rect{fill:#fdecec;stroke:#b3261e;stroke-width:2.5}</style>`,
    ...parts,
    `</svg>`,
  ].join('\n');
}
