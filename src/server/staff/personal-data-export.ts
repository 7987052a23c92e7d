import { attachmentContents } from '../db/attachments.ts';
import type { Db } from '../db/connection.ts';

/**
 * An export (see personal-data.ts) as the JSON download streams it: the tickets, then `attachments`, every file of
 * those tickets with its content in base64, read from the database one at a time so the files are never all in memory.
 */
export function personalDataJson(db: Db, exported: { tickets: Record<string, unknown>[] }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const references = exported.tickets.map((ticket) => String(ticket.reference));
  async function* parts(): AsyncGenerator<string> {
    yield `${JSON.stringify(exported).slice(0, -1)},"attachments":[`;
    let first = true;
    for (const reference of references) {
      for await (const file of attachmentContents(db, reference)) {
        const { content, ...about } = file;
        yield `${first ? '' : ','}${JSON.stringify({ reference, ...about, contentBase64: Buffer.from(content).toString('base64') })}`;
        first = false;
      }
    }
    yield ']}';
  }
  const iterator = parts();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
