import { describe, expect, it } from 'vitest';
import type { PagefindFragment } from '../../src/search/pagefind-api.ts';
import { analyseQuery } from '../../src/search/query.ts';
import { queryLanguage } from '../../src/search/query-language.ts';
import { rankCandidates } from '../../src/search/rank.ts';

const page = (url: string, title: string, content: string, more: Partial<PagefindFragment> = {}): PagefindFragment => ({
  url,
  content,
  excerpt: '',
  meta: { title },
  filters: {},
  ...more,
});

/** The candidates' URLs best first for a query, each with the same Pagefind score unless given. */
function ranked(query: string, pages: PagefindFragment[], scores: number[] = pages.map(() => 1)): string[] {
  const { words, problem } = analyseQuery(query, { productName: 'Loomwork' });
  return rankCandidates(
    pages.map((p, i) => ({ page: p, score: scores[i] })),
    words,
    { productName: 'Loomwork', problem, isTroubleshooter: (p) => p.url.startsWith('/troubleshoot/') },
  ).map((p) => p.page.url);
}

describe('the second look at the best pages', () => {
  it('puts a page whose title holds the words before one that only mentions them, whatever Pagefind scored', () => {
    const mentions = page('/articles/notifications/', 'Choose your notifications', 'Fees are shown before you withdraw your money.');
    const about = page('/articles/fees/', 'Withdrawal fees', 'What each way of getting paid costs.');
    expect(ranked('withdraw fees', [mentions, about], [1, 0.4])).toEqual(['/articles/fees/', '/articles/notifications/']);
  });

  it('counts the words the description and question headings say, in readers’ words', () => {
    const text = page('/articles/profile/', 'Edit your profile', 'Your network of clients sees your photo.');
    const description = page('/articles/browser/', 'Try another browser', 'Steps to follow.', {
      meta: { title: 'Try another browser', description: 'Find out whether a problem comes from your network.' },
    });
    expect(ranked('network problem', [text, description])).toEqual(['/articles/browser/', '/articles/profile/']);
  });

  it('answers a question with the page that asks it, and a problem with the page that states it', () => {
    const howTo = page('/articles/forgot-password/', 'I forgot my password', 'Ask for a link.', {
      anchors: [{ element: 'h2', text: 'How do I reset my password?' }],
      meta: { title: 'I forgot my password', keywords: 'reset password' },
    });
    const problem = page('/articles/reset-not-working/', "I reset my password but still can't sign in", 'Check the address.', {
      meta: { title: "I reset my password but still can't sign in", keywords: 'password reset not working' },
    });
    // Pagefind scored the problem page higher.
    expect(ranked('how do i reset my password', [problem, howTo], [1, 0.6])).toEqual([
      '/articles/forgot-password/',
      '/articles/reset-not-working/',
    ]);
    expect(ranked('reset my password but cant sign in', [howTo, problem])).toEqual([
      '/articles/reset-not-working/',
      '/articles/forgot-password/',
    ]);
  });

  it('tells sibling articles apart by whether they state a problem, in every field that speaks for the page', () => {
    const howTo = page('/articles/forgot-password/', 'Reset your password from the sign-in page', 'Choose a new one.', {
      meta: { title: 'Reset your password from the sign-in page', description: 'Ask for a password reset link.' },
    });
    const problem = page('/articles/reset-email-not-arriving/', "The password reset link didn't arrive", 'Look in spam.');
    expect(ranked('password reset link', [problem, howTo])).toEqual(['/articles/forgot-password/', '/articles/reset-email-not-arriving/']);
    expect(ranked("password reset link didn't arrive", [howTo, problem])).toEqual([
      '/articles/reset-email-not-arriving/',
      '/articles/forgot-password/',
    ]);
  });

  it('finds the page that says a Spanish verb in another form than the query, irregular forms too', () => {
    const spanish = queryLanguage('es');
    const howTo = page('/es/articles/forgot-password/', 'Olvidé mi contraseña', 'Pide un enlace.', {
      anchors: [{ element: 'h2', text: '¿Cómo restablezco mi contraseña?' }],
    });
    const problem = page('/es/articles/reset-not-working/', 'Restablecí mi contraseña, pero sigo sin poder entrar', 'Revisa la dirección.');
    const rankedEs = (query: string) => {
      const { words, problem: stuck } = analyseQuery(query, { productName: 'Loomwork', language: spanish });
      return rankCandidates(
        [problem, howTo].map((p) => ({ page: p, score: 1 })),
        words,
        { productName: 'Loomwork', problem: stuck, language: spanish, isTroubleshooter: () => false },
      )[0].page.url;
    };
    expect(rankedEs('cómo restablecer la contraseña')).toBe('/es/articles/forgot-password/');
    expect(rankedEs('cómo restablezco la contraseña')).toBe(rankedEs('cómo restablecer la contraseña'));
  });

  it('puts a troubleshooter before an article that matches as well', () => {
    const article = page('/articles/sign-in/', 'Sign in', 'Sign in with your email.');
    const flow = page('/troubleshoot/login/', 'Sign in', 'Answer a few questions.');
    expect(ranked('sign in', [article, flow])).toEqual(['/troubleshoot/login/', '/articles/sign-in/']);
  });
});
