import { describe, expect, it, vi } from 'vitest';
import { databaseFailureResponse } from '../../src/server/http/database-answers.ts';

/** What node:sqlite throws for a file it cannot write (SQLITE_READONLY). */
const readOnly = Object.assign(new Error('attempt to write a readonly database'), { code: 'ERR_SQLITE_ERROR', errcode: 8 });

describe('the answer to a database failure', () => {
  it('is a short page for people, saying what happened and where to go', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = databaseFailureResponse(readOnly, 'POST', '/staff/login')!;
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>Changes cannot be saved</title></head><body><main><h1>Changes cannot be saved</h1><p>The help center cannot save ' +
        'anything just now: its database cannot be written to (its disk may be full, read-only or failing), so what you sent was not ' +
        'saved. Whoever runs the help center needs to fix the storage. Articles and troubleshooters still work: ' +
        '<a href="/">go to the help center</a>.</p></main></body></html>',
    );
  });

  it('is JSON for the API', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = databaseFailureResponse(readOnly, 'POST', '/api/feedback')!;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: 'database-read-only',
      message: expect.stringMatching(/^The help center cannot save anything/),
    });
  });
});
