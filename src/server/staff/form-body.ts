import { isRejection, MAX_BODY_BYTES, readText, submissionKind } from '../http/request-body.ts';

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

export function isFormProblem(value: object): value is FormProblem {
  return 'errors' in value;
}

const AGAIN = 'Nothing was changed. Reload the page and use its form again.';

/**
 * A staff form post's fields, or a 400 that says why it cannot be read. Anything but a readable form (JSON, a
 * file upload, a body over the size limit or cut off) is refused whole, never read as an empty form whose
 * missing fields then mean something.
 */
export async function readForm(request: Request): Promise<URLSearchParams | FormProblem> {
  if (submissionKind(request) !== 'form')
    return refused(`This page takes its own form’s fields (application/x-www-form-urlencoded), not JSON or a file upload. ${AGAIN}`);
  const body = await readText(request);
  if (isRejection(body)) {
    const why = body.status === 413 ? `was larger than ${MAX_BODY_BYTES / 1024} KB` : 'could not be read';
    return refused(`The form ${why}. ${AGAIN}`);
  }
  return new URLSearchParams(body.text);
}

/**
 * A staff form post and its `action`, which must be one of `actions` exactly as the page's own forms send it:
 * a missing or unknown action is a 400 and changes nothing, never a fallback to some default action.
 */
export async function readFormAction<A extends string>(
  request: Request,
  actions: readonly A[],
): Promise<{ action: A; form: URLSearchParams } | FormProblem> {
  const form = await readForm(request);
  if (isFormProblem(form)) return form;
  const action = form.get('action');
  if (action === null || action === '') return refused(`The form did not say what to do. ${AGAIN}`);
  if (!(actions as readonly string[]).includes(action))
    return refused(`“${action.slice(0, 40)}” is not something this page does. ${AGAIN}`);
  return { action: action as A, form };
}

function refused(formError: string): FormProblem {
  return { status: 400, errors: {}, formError };
}
