import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, thanksHref } from '../../src/lib/feedback.ts';
import { feedbackFieldsFromForm, parseFeedback } from '../../src/server/feedback/feedback-schema.ts';
import { t } from '../../src/i18n/messages.ts';

const articles = new Set(['forgot-password', 'account-locked']);
const VOTE = '0b8f8a0e-5f5b-4a5e-9a57-0d2f4c3b1a11';

describe('feedback fields', () => {
  it('accepts a Yes or No on a published article', () => {
    expect(parseFeedback({ article: 'forgot-password', helpful: false }, articles, t)).toEqual({
      ok: true,
      value: { kind: 'vote', article: 'forgot-password', helpful: false },
    });
  });

  it('names what is wrong with a vote', () => {
    expect(parseFeedback({ article: 'nope', helpful: 'maybe' }, articles, t)).toEqual({
      ok: false,
      errors: { article: 'There is no such article', helpful: 'Choose Yes or No' },
    });
    expect(parseFeedback({}, articles, t)).toEqual({
      ok: false,
      errors: { article: 'Say which article this is about', helpful: 'Choose Yes or No' },
    });
  });

  it('accepts reasons from the list and a comment, trimmed, without repeats', () => {
    const parsed = parseFeedback(
      { vote: VOTE, reasons: ['unclear', 'unclear', 'out-of-date'], comment: '  Step 3 is gone.  ' },
      articles,
      t,
    );
    expect(parsed).toEqual({
      ok: true,
      value: { kind: 'details', vote: VOTE, reasons: ['unclear', 'out-of-date'], comment: 'Step 3 is gone.' },
    });
    expect(parseFeedback({ vote: VOTE, comment: 'Only words' }, articles, t)).toMatchObject({ ok: true, value: { reasons: [] } });
  });

  it('wants a reason or a comment, reasons from the list, a comment up to 500 characters and a real vote id', () => {
    expect(parseFeedback({ vote: VOTE, reasons: [], comment: '   ' }, articles, t)).toEqual({
      ok: false,
      errors: { reasons: 'Select a reason or tell us what was wrong' },
    });
    expect(parseFeedback({ vote: VOTE, reasons: ['bored'] }, articles, t)).toMatchObject({
      ok: false,
      errors: { reasons: 'Select reasons from the list' },
    });
    expect(parseFeedback({ vote: VOTE, comment: 'x'.repeat(COMMENT_MAX + 1) }, articles, t)).toMatchObject({
      ok: false,
      errors: { comment: 'Comment must be 500 characters or fewer' },
    });
    expect(parseFeedback({ vote: VOTE, comment: 'x'.repeat(COMMENT_MAX) }, articles, t).ok).toBe(true);
    expect(parseFeedback({ vote: 'not-an-id', comment: 'hello' }, articles, t)).toMatchObject({
      ok: false,
      errors: { vote: expect.any(String) },
    });
  });

  it('reads the plain forms: helpful=yes|no, repeated reasons, an empty vote field', () => {
    expect(feedbackFieldsFromForm(new URLSearchParams('article=forgot-password&helpful=no'))).toMatchObject({
      article: 'forgot-password',
      helpful: false,
    });
    expect(feedbackFieldsFromForm(new URLSearchParams('helpful=perhaps')).helpful).toBe('perhaps');
    const details = feedbackFieldsFromForm(new URLSearchParams(`article=a&vote=${VOTE}&reasons=unclear&reasons=did-not-work&comment=`));
    expect(details).toMatchObject({ vote: VOTE, reasons: ['unclear', 'did-not-work'], comment: '' });
    expect(parseFeedback(feedbackFieldsFromForm(new URLSearchParams('article=a&vote=&comment=hi')), articles, t).ok).toBe(false);
  });

  it('sends the plain form to the thank-you page, with the vote only after a No', () => {
    expect(thanksHref('forgot-password')).toBe('/feedback/thanks/?article=forgot-password');
    expect(thanksHref('forgot-password', VOTE)).toBe(`/feedback/thanks/?article=forgot-password&vote=${VOTE}`);
  });
});
