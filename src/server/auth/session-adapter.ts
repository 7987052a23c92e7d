import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Db } from '../db/connection.ts';
import {
  deleteSession,
  deleteSessionsExpiredBefore,
  deleteSessionsOf,
  insertSession,
  sessionWithStaff,
  sessionsOf,
  updateSessionExpiry,
} from '../db/staff-sessions.ts';
import { hashToken } from './token-hash.ts';

/**
 * lucia's storage on our own database. Every id lucia hands in is hashed before it reaches a query, and the
 * id lucia asked for is what it gets back, so lucia never notices that the table holds only hashes.
 * Sessions of disabled accounts come back without a user, which makes lucia delete them.
 */
export function sessionAdapter(db: () => Promise<Db>): Adapter {
  return {
    async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
      const { session, staff } = await sessionWithStaff(await db(), hashToken(sessionId));
      if (!session) return [null, null];
      const databaseSession = { id: sessionId, userId: session.staffId, expiresAt: new Date(session.expiresAt), attributes: {} };
      if (!staff) return [databaseSession, null];
      return [databaseSession, { id: staff.id, attributes: { email: staff.email, name: staff.name, role: staff.role } }];
    },
    // The ids here are the stored hashes: the real ids exist only in browsers. Enough to count sessions; to end
    // them all, use deleteUserSessions.
    async getUserSessions(userId) {
      const rows = await sessionsOf(await db(), userId);
      return rows.map((row) => ({ id: row.id_hash, userId: row.staff_id, expiresAt: new Date(row.expires_at), attributes: {} }));
    },
    async setSession(session) {
      const now = new Date().toISOString();
      await insertSession(await db(), {
        idHash: hashToken(session.id),
        staffId: session.userId,
        createdAt: now,
        expiresAt: session.expiresAt.toISOString(),
      });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await updateSessionExpiry(await db(), hashToken(sessionId), expiresAt.toISOString());
    },
    async deleteSession(sessionId) {
      await deleteSession(await db(), hashToken(sessionId));
    },
    async deleteUserSessions(userId) {
      await deleteSessionsOf(await db(), userId);
    },
    async deleteExpiredSessions() {
      await deleteSessionsExpiredBefore(await db(), new Date().toISOString());
    },
  };
}
