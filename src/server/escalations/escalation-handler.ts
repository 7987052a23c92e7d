import { flowsById } from '../catalog.ts';
import { recordEscalation } from '../db/escalations.ts';
import { escalationSettings } from '../settings.ts';
import { createEscalationEndpoint } from './escalation-endpoint.ts';

/**
 * This server's escalation handler: one instance (one rate limit), for POST /api/escalations and for the
 * contact page, which takes its own plain-form posts so that errors show at its own address.
 */
export const handleEscalation = createEscalationEndpoint({
  settings: escalationSettings(process.env),
  flows: flowsById,
  record: recordEscalation,
});
