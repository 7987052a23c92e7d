// Staff-published announcements written straight into the server's database, as the staff console would.
import type { AnnouncementFields } from '../../src/lib/announcements.ts';
import { endAnnouncement, publishAnnouncement } from '../../src/server/db/announcements.ts';
import { openServerDatabase } from '../../harness/server-database.ts';

const TEST_EDITOR = { id: 'e2e', email: 'e2e@loomwork.example' };

/** Publishes an announcement (for everyone, info, unless `fields` say otherwise) and returns a function that ends it. */
export async function publishTestAnnouncement(
  dataDir: string,
  fields: Partial<AnnouncementFields> & { message: string },
): Promise<() => Promise<void>> {
  const db = openServerDatabase(dataDir);
  try {
    const id = await publishAnnouncement(db, { icon: 'info', countries: 'all', userTypes: 'all', ...fields }, TEST_EDITOR, new Date());
    return async () => {
      const again = openServerDatabase(dataDir);
      try {
        await endAnnouncement(again, id, TEST_EDITOR, new Date());
      } finally {
        await again.destroy();
      }
    };
  } finally {
    await db.destroy();
  }
}
