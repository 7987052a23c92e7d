/**
 * The one place the troubleshooter reports what readers do. It only raises a DOM event; whatever
 * wants to count steps and outcomes (the analytics beacon) listens for `signpost:flow`.
 */
export type FlowReport =
  | { type: 'step_viewed'; flow: string; step: string }
  | { type: 'outcome'; flow: string; step: string; result: 'resolved' | 'handoff' | 'escalated' };

export function reportFlow(report: FlowReport): void {
  window.dispatchEvent(new CustomEvent<FlowReport>('signpost:flow', { detail: report }));
}
