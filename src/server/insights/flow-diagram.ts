import { flowsById } from '../catalog.ts';
import { database } from '../db/connection.ts';
import { diagramInput } from '../../troubleshooter/diagram-input.ts';
import { diagramSvg } from '../../troubleshooter/diagram-svg.ts';
import { flowOutline } from './load-report.ts';
import { periodFrom, type InsightsPeriod } from './period.ts';
import { flowVersionInsights, type FlowInsights } from './report.ts';

export interface FlowDiagram {
  period: InsightsPeriod;
  version: string;
  /** The current version's figures, and walks begun on earlier versions in the period. */
  figures: FlowInsights;
  /** The step kinds, for the table beside the diagram. */
  kinds: Map<string, string>;
  svg: string;
}

/** /staff/flows/<id>: the flow as drawn now, with what readers did on this version of it; undefined for no such flow. */
export async function loadFlowDiagram(id: string, days: string | null, now = new Date()): Promise<FlowDiagram | undefined> {
  const flow = (await flowsById()).get(id);
  if (!flow) return undefined;
  const period = periodFrom(days, now);
  const outline = flowOutline(id, flow);
  const figures = await flowVersionInsights(await database(), period, outline);
  const byStep = new Map(figures.steps.map((s) => [s.id, { views: s.views, left: s.left }]));
  return {
    period,
    version: outline.version,
    figures,
    kinds: new Map(flow.steps.map((s) => [s.id, s.kind])),
    svg: diagramSvg(diagramInput(flow), { title: flow.title, figures: byStep }),
  };
}
