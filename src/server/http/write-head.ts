import type http from 'node:http';

/**
 * Applies `writeHead`'s arguments (status, optional message, headers as an object or [name, value] pairs) to the
 * response without sending anything, as Node itself merges them with headers set before: for code that must see
 * or change the final headers before they go out.
 */
export function applyWriteHead(res: http.ServerResponse, status: number, rest: unknown[]): void {
  res.statusCode = status;
  const [first, second] = rest;
  if (typeof first === 'string') res.statusMessage = first;
  const headers = typeof first === 'string' ? second : first;
  if (Array.isArray(headers)) for (const [name, value] of headers as [string, string][]) res.setHeader(name, value);
  else if (headers && typeof headers === 'object')
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string | string[]);
}
