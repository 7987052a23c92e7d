// The requester's side of two-way support, for tests: the link in an email, and the request page's forms.
import type { CapturedEmail } from '../../harness/smtp-capture.ts';

/**
 * The path and query of the request page link in an email, with its language prefix (`/es/requests/…`) when it has
 * one (the email names the public origin, not the test server's).
 */
export function requestLinkIn(email: Pick<CapturedEmail, 'text'>): string {
  const link = /https?:\/\/[^/\s]+((?:\/[\w-]+)?\/requests\/HC-[0-9A-Z-]+\/\?key=[\w-]+)/.exec(email.text)?.[1];
  if (!link) throw new Error(`No request link in:\n${email.text}`);
  return link;
}

/** Posts one of the request page's forms as a browser would (same Origin, redirects not followed). */
export function postRequestForm(baseUrl: string, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}
