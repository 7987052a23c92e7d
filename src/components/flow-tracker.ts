import type { FlowReport } from '../client/flow-reports.ts';
import type { ReaderEvent } from '../lib/reader-events.ts';

/**
 * Turns the troubleshooter's `signpost:flow` reports into events. Each step view names the step shown before
 * it on this page, so insights can tell where readers moved on and where they left; a walk starts with none.
 */
export function createFlowTracker(track: (event: ReaderEvent) => void): (report: FlowReport) => void {
  const lastStep = new Map<string, string>();
  return (report) => {
    if (report.type === 'outcome') return track({ type: 'outcome', flow: report.flow, step: report.step, result: report.result });
    track({ type: 'step_viewed', flow: report.flow, step: report.step, from: lastStep.get(report.flow) });
    lastStep.set(report.flow, report.step);
  };
}
