/**
 * The one place the troubleshooter reports what readers do. It only raises a DOM event; whatever
 * wants to count steps and outcomes (the analytics beacon) listens for `signpost:flow`.
 */
export type FlowReport =
  /** A step shown, or passed on the way (an automatic step, a hand-over to another flow); `flow` is the step's own. */
  | { type: 'step_viewed'; flow: string; step: string; version: string }
  /** The reader reached a resolved or hand-off outcome. (Escalations are counted from the tickets they send.) */
  | { type: 'outcome'; flow: string; step: string; result: 'resolved' | 'handoff'; version: string };

declare global {
  interface Window {
    /**
     * Reports raised before the beacon listened: the island can render before the page's other scripts run.
     * The beacon takes them and sets this to null, after which nothing is kept.
     */
    signpostFlowBacklog?: FlowReport[] | null;
  }
}

export function reportFlow(report: FlowReport): void {
  if (window.signpostFlowBacklog !== null) (window.signpostFlowBacklog ??= []).push(report);
  window.dispatchEvent(new CustomEvent<FlowReport>('signpost:flow', { detail: report }));
}
