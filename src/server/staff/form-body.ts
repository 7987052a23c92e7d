/** A plain form post's fields; a body that is not a form reads as an empty one (each field then "missing"). */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return new URLSearchParams();
  try {
    return new URLSearchParams(await request.text());
  } catch {
    return new URLSearchParams(); // over the adapter's body limit, or cut off
  }
}

/** Messages keyed by field id, in the order the form shows its fields (the error summary's order). */
export type FormErrors = Record<string, string>;

/** What an invalid post renders again: its status, extra headers, errors and the values to keep. */
export interface FormProblem {
  status: number;
  headers?: Record<string, string>;
  errors: FormErrors;
  /** A problem with the whole form rather than one field. */
  formError?: string;
}
