import { describe, expect, it } from 'vitest';
import { supportRequestFieldsFromForm, parseSupportRequest } from '../../src/server/tickets/support-request-schema.ts';
import type { FlowFile } from '../../src/troubleshooter/flow-schema.ts';

const flows = new Map<string, Pick<FlowFile, 'start' | 'steps'>>([
  [
    'demo',
    {
      start: 'start',
      steps: [
        { kind: 'question', id: 'start', title: 'Start', choices: [{ id: 'a', label: 'A', next: 'fix' }] },
        { kind: 'instructions', id: 'fix', title: 'Fix', fixed: 'done', next: 'help', fixedLabel: 'Fixed', nextLabel: 'Not fixed' },
        { kind: 'outcome', id: 'done', title: 'Done', result: 'resolved' },
        { kind: 'escalate', id: 'help', title: 'Help' },
      ],
    },
  ],
]);

const valid = {
  name: '  Ada  ',
  email: ' ada@example.com ',
  accountEmails: ['', 'old@example.com', '  '],
  topic: 'sign-in',
  description: 'I cannot sign in since yesterday evening.',
  transcript: { flow: 'demo', steps: [{ step: 'start', choice: 'a' }] },
  consent: true,
};

describe('parseSupportRequest', () => {
  it('trims text and drops blank address boxes', () => {
    const result = parseSupportRequest({ ...valid, unknownField: 1 }, flows);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Ada',
        email: 'ada@example.com',
        accountEmails: ['old@example.com'],
        topic: 'sign-in',
        description: 'I cannot sign in since yesterday evening.',
        transcript: valid.transcript,
        consent: true,
      },
    });
  });

  it('makes name, account emails and transcript optional', () => {
    const { name: _n, accountEmails: _a, transcript: _t, ...required } = valid;
    expect(parseSupportRequest(required, flows)).toMatchObject({ ok: true, value: { name: '', accountEmails: [], transcript: null } });
  });

  it('keys an address error by the box it came from, before blanks are dropped', () => {
    const result = parseSupportRequest({ ...valid, accountEmails: ['', '', 'nope'] }, flows);
    expect(result).toEqual({
      ok: false,
      errors: { 'accountEmails.2': 'Enter address 3 in the correct format, like name@example.com' },
    });
  });

  it('names each field in its message and says how to fix it, so no two lines of the error summary read the same', () => {
    const result = parseSupportRequest(
      { ...valid, email: 'ada.example.com', accountEmails: ['ada@', 'x'.repeat(250) + '@example.com'], description: '   ' },
      flows,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'Enter your email address in the correct format, like name@example.com',
        'accountEmails.0': 'Enter address 1 in the correct format, like name@example.com',
        'accountEmails.1': 'Address 2 must be 254 characters or fewer',
        description: 'Enter a description of the problem',
      },
    });
    const missing = parseSupportRequest({}, flows);
    expect(missing).toEqual({
      ok: false,
      errors: {
        email: 'Enter your email address',
        topic: 'Select what your request is about',
        description: 'Enter a description of the problem',
        consent: 'Confirm that we may contact you about this request',
      },
    });
    const tooMany = parseSupportRequest({ ...valid, accountEmails: Array.from({ length: 6 }, (_, i) => `ada${i}@example.com`) }, flows);
    expect(tooMany).toEqual({ ok: false, errors: { accountEmails: 'Enter up to 5 email addresses your account may use' } });
  });

  it('accepts a transcript that starts at any step (a deep link)', () => {
    const fromMiddle = { flow: 'demo', steps: [{ step: 'fix', choice: 'not-fixed' }] };
    expect(parseSupportRequest({ ...valid, transcript: fromMiddle }, flows).ok).toBe(true);
  });

  it('rejects a choice the step does not offer, an unknown flow, and a path that skips steps', () => {
    const bad = [
      { flow: 'demo', steps: [{ step: 'start', choice: 'z' }] },
      { flow: 'other', steps: [] },
      {
        flow: 'demo',
        steps: [
          { step: 'start', choice: 'a' },
          { step: 'start', choice: 'a' },
        ],
      },
    ];
    for (const transcript of bad) {
      const result = parseSupportRequest({ ...valid, transcript }, flows);
      expect(result.ok, JSON.stringify(transcript)).toBe(false);
      if (!result.ok) expect(Object.keys(result.errors)).toEqual(['transcript']);
    }
  });

  it('reports transcript problems alongside other fields', () => {
    const result = parseSupportRequest(
      { ...valid, email: '', transcript: { flow: 'demo', steps: [{ step: 'start', choice: 'z' }] } },
      flows,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['email', 'transcript']);
  });

  it('rejects control characters that no one types (PostgreSQL cannot store NUL), naming the field; keeps line breaks', () => {
    const result = parseSupportRequest({ ...valid, name: 'Ada\u0000', description: `${valid.description}\u001b[31m` }, flows);
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Name must not contain control characters such as NUL; retype it rather than pasting it',
        description: 'Description must not contain control characters such as NUL; retype it rather than pasting it',
      },
    });
    expect(parseSupportRequest({ ...valid, description: `${valid.description}\n\tMore detail.\r\n` }, flows).ok).toBe(true);
  });

  it('rejects wrong types without throwing', () => {
    for (const input of [
      null,
      42,
      'text',
      [],
      { ...valid, consent: 'yes' },
      { ...valid, accountEmails: 'a@b.co' },
      { ...valid, description: 5 },
    ]) {
      expect(parseSupportRequest(input, flows).ok, JSON.stringify(input)).toBe(false);
    }
    expect(parseSupportRequest({ ...valid, name: 1, email: 2, accountEmails: ['a@example.com', 3], description: 5 }, flows)).toEqual({
      ok: false,
      errors: {
        name: 'Enter your name as text',
        email: 'Enter your email address as text',
        'accountEmails.1': 'Enter address 2 as text',
        description: 'Enter a description of the problem as text',
      },
    });
  });

  it('checks the description length after trimming', () => {
    const result = parseSupportRequest({ ...valid, description: `   ${'x'.repeat(19)}   ` }, flows);
    expect(result).toEqual({ ok: false, errors: { description: 'Description must be 20 characters or more' } });
  });
});

describe('supportRequestFieldsFromForm', () => {
  it('reads the plain form under the JSON names', () => {
    const form = new URLSearchParams(
      'name=Ada&accountEmails=a%40b.co&accountEmails=&consent=yes&transcript=%7B%22flow%22%3A%22x%22%7D&startedAt=1000',
    );
    expect(supportRequestFieldsFromForm(form)).toMatchObject({
      name: 'Ada',
      accountEmails: ['a@b.co', ''],
      consent: true,
      transcript: { flow: 'x' },
      startedAt: 1000,
      email: undefined,
    });
  });

  it('treats an unchecked consent box as false and a broken transcript as text the schema rejects', () => {
    expect(supportRequestFieldsFromForm(new URLSearchParams('transcript=%7Bnot+json'))).toMatchObject({
      consent: false,
      transcript: '{not json',
    });
    expect(parseSupportRequest(supportRequestFieldsFromForm(new URLSearchParams('transcript=%7Bnot+json')), flows)).toMatchObject({
      ok: false,
      errors: { transcript: expect.stringMatching(/could not be attached/) },
    });
  });
});
