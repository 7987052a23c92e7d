// Reports troubleshooter steps and outcomes, raised by the island as `signpost:flow` events on window.
import type { FlowReport } from '../client/flow-reports.ts';
import { createFlowTracker } from './flow-tracker.ts';
import { beacon } from '../client/reader-beacon.ts';

const report = createFlowTracker(beacon.track);
// First what the island reported before this script ran, then everything as it happens.
const backlog = window.signpostFlowBacklog ?? [];
window.signpostFlowBacklog = null;
backlog.forEach(report);
addEventListener('signpost:flow', (event) => report((event as CustomEvent<FlowReport>).detail));
