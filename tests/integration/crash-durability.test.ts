import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/db/connection.ts';
import { postJson, storedRows, validSupportRequest } from '../support/support-requests.ts';
import { startServer } from '../../harness/server-process.ts';

const SUBMISSIONS = 200;
/** Kill once this many were acknowledged: part-way through the burst. */
const KILL_AFTER_ACKS = 10;
const STAGGER_MS = 3;

describe('crash durability', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged ticket, exactly once, after SIGKILL mid-burst', async () => {
    const server = await startServer({ dataDir });
    const keys = Array.from({ length: SUBMISSIONS }, () => crypto.randomUUID());
    const bodies = keys.map((key) => validSupportRequest({ description: `Crash test submission ${key}` }));
    const acknowledged = new Map<string, string>(); // key → reference
    let killed: Promise<void> | undefined;

    await Promise.all(
      keys.map(async (key, i) => {
        // Staggered by a few milliseconds, so the burst spans several group commits and the kill lands inside it.
        await new Promise((resolve) => setTimeout(resolve, i * STAGGER_MS));
        if (killed) return;
        try {
          const response = await postJson(server.url, bodies[i], { 'Idempotency-Key': key });
          const body = (await response.json()) as { reference: string };
          if (response.status !== 201) throw new Error(`unexpected ${response.status}`);
          acknowledged.set(key, body.reference);
          if (acknowledged.size >= KILL_AFTER_ACKS) killed ??= server.kill();
        } catch (error) {
          // Requests cut off by the kill fail on the client's side; anything else is a real failure.
          if (!killed) throw error;
        }
      }),
    );
    await killed;
    expect(server.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.size, 'the kill came after every request finished; nothing was cut off').toBeLessThan(SUBMISSIONS);

    // The same data folder, as after a reboot.
    const restarted = await startServer({ dataDir });
    try {
      const { tickets } = await storedRows(dataDir);
      const stored = new Map<string, number>();
      for (const row of tickets) stored.set(row.reference, (stored.get(row.reference) ?? 0) + 1);
      for (const reference of acknowledged.values()) expect(stored.get(reference), reference).toBe(1);

      // Clients retry whatever was not acknowledged, with the same keys: each submission ends up stored once.
      const retries = await Promise.all(keys.map((key, i) => postJson(restarted.url, bodies[i], { 'Idempotency-Key': key })));
      for (const [i, response] of retries.entries()) {
        const { reference } = (await response.json()) as { reference: string };
        if (acknowledged.has(keys[i])) {
          expect(response.status).toBe(200);
          expect(reference).toBe(acknowledged.get(keys[i]));
        } else {
          expect([200, 201]).toContain(response.status); // 200: committed, but the answer was lost in the crash
        }
      }
      const after = (await storedRows(dataDir)).tickets.filter((e) => e.description.startsWith('Crash test submission'));
      expect(after).toHaveLength(SUBMISSIONS);

      const db = openSqlite(dataDir);
      try {
        const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
        expect(rows).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        await db.destroy();
      }
    } finally {
      await restarted.stop();
    }
  });
});
