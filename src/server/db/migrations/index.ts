import type { Migration } from 'kysely/migration';
import * as escalations from './001-escalations.ts';
import * as staff from './002-staff.ts';
import * as insights from './003-insights.ts';
import * as rateLimits from './004-rate-limits.ts';
import * as healthCheck from './005-health-check.ts';
import * as staffDevices from './006-staff-devices.ts';
import * as tickets from './007-tickets.ts';
import * as conversations from './008-conversations.ts';
import * as flowVersions from './009-flow-versions.ts';
import * as queueMarks from './010-queue-marks.ts';
import * as suggestionEvents from './011-suggestion-events.ts';
import * as emailIn from './012-email-in.ts';
import * as ticketLanguage from './013-ticket-language.ts';
import * as announcementAndVoteLanguages from './014-announcement-and-vote-languages.ts';

/** Every migration, in order. Imported rather than read from disk so the bundled server carries them. */
export const migrations: Record<string, Migration> = {
  '001-escalations': escalations,
  '002-staff': staff,
  '003-insights': insights,
  '004-rate-limits': rateLimits,
  '005-health-check': healthCheck,
  '006-staff-devices': staffDevices,
  '007-tickets': tickets,
  '008-conversations': conversations,
  '009-flow-versions': flowVersions,
  '010-queue-marks': queueMarks,
  '011-suggestion-events': suggestionEvents,
  '012-email-in': emailIn,
  '013-ticket-language': ticketLanguage,
  '014-announcement-and-vote-languages': announcementAndVoteLanguages,
};
