import type { FlowReport } from '../client/flow-reports.ts';
import type { ReaderEvent } from '../lib/reader-events.ts';

/**
 * Turns the troubleshooter's `signpost:flow` reports into events. Each step view names the step shown before
 * it on this page (`<flow>/<step>` when that was in another flow), so insights can tell where readers moved on,
 * where they left and where one flow handed them to another; a walk starts with none.
 */
export function createFlowTracker(track: (event: ReaderEvent) => void): (report: FlowReport) => void {
  let last: { flow: string; step: string } | undefined;
  return (report) => {
    const { flow, step, version } = report;
    if (report.type === 'outcome') return track({ type: 'outcome', flow, step, result: report.result, version });
    const from = last && (last.flow === flow ? last.step : `${last.flow}/${last.step}`);
    track({ type: 'step_viewed', flow, step, ...(from ? { from } : {}), version });
    last = { flow, step };
  };
}
