import type { Migration } from 'kysely/migration';
import * as escalations from './001-escalations.ts';
import * as insights from './003-insights.ts';

/** Every migration, in order. Imported rather than read from disk so the bundled server carries them. */
export const migrations: Record<string, Migration> = {
  '001-escalations': escalations,
  // 002 is the staff console's (another branch).
  '003-insights': insights,
};
