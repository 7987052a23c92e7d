import { z } from 'astro/zod';
import type { FieldErrors } from '../../lib/contact-form.ts';
import { readMultipart, type MultipartLimits, type UploadedFile } from '../http/multipart.ts';
import { isMultipart, isRejection, MAX_BODY_BYTES, readText, submissionKind } from '../http/request-body.ts';
import { setPageStatus } from '../http/responses.ts';

/**
 * The one way a staff page takes a form post: read the form, pick the action it names, check its fields against
 * the action's schema, then either redirect (303, Post/Redirect/Get) to a page that shows a one-time "done"
 * message (`?done=<id>`), or show the page again with the post: its errors (4xx, values kept), or for a lookup
 * posted to keep its terms out of addresses and logs, what it looks up (200).
 */

/** What a post that changed nothing shows with its form: status, extra headers, field errors, a whole-form error. */
export interface FormProblem {
  status: number;
  headers?: Record<string, string>;
  /** Keyed by field name, in the form's order (the error summary's order). */
  errors: FieldErrors;
  formError?: string;
}

/** A post that did its job: the page it redirects to shows the message for `done`; `params` go with it. */
export interface Done {
  done: string;
  params?: Record<string, string>;
}

/** What an action ends in; nothing for a lookup, which the page shows with the form. */
export type Outcome = Done | FormProblem | undefined;

type Fields = z.ZodObject;

/** The files of a form that takes them (see StaffForm.files), not yet checked. */
export interface PostedFiles {
  files: UploadedFile[];
  tooManyFiles: boolean;
}

/**
 * One thing a form does: the schema its fields must pass, then the work, given the fields as the schema made them
 * (and the files posted with them, on a form that takes files).
 */
export interface FormAction<S extends Fields = Fields> {
  fields: S;
  run(fields: z.output<S>, upload: PostedFiles): Promise<Outcome>;
}

export function formAction<S extends Fields>(fields: S, run: (fields: z.output<S>, upload: PostedFiles) => Promise<Outcome>): FormAction {
  return { fields, run };
}

/** A done message: fixed, or made from the redirect's query (its `params`); undefined shows none. */
export type DoneMessage = string | ((query: URLSearchParams) => string | undefined);

export interface StaffForm {
  /** By the `action` value the page's forms send; a single action for a page whose one form has no `action` field. */
  actions: Record<string, FormAction> | FormAction;
  /** Where a done post goes; by default the page itself, with `?done=<id>`. */
  location?: (done: Done) => string;
  /** A form that takes files (multipart): how many, how large; others refuse a multipart post. */
  files?: MultipartLimits;
}

/** A post shown with the page: the action it named (when known), its fields as sent, and what was wrong if anything. */
export interface Posted {
  action?: string;
  form: URLSearchParams;
  problem?: FormProblem;
}

interface Page {
  request: Request;
  url: URL;
  /** The page's own response (Astro.response): takes the status and headers of a post shown again. */
  response?: ResponseInit & { readonly headers: Headers };
}

/**
 * Handles a POST to a staff page (anything else: undefined). Returns the redirect to send, or the post to show with
 * the page, whose status and headers it has already set.
 */
export async function handleFormPost(page: Page, form: StaffForm): Promise<Response | Posted | undefined> {
  if (page.request.method !== 'POST') return undefined;
  const posted = await carryOut(page.request, form);
  if (posted instanceof Response || !page.response) return posted;
  if (posted.problem) {
    setPageStatus(page.response, posted.problem.status);
    for (const [name, value] of Object.entries(posted.problem.headers ?? {})) page.response.headers.set(name, value);
  }
  return posted;
}

async function carryOut(request: Request, form: StaffForm): Promise<Response | Posted> {
  const read = await readForm(request, form.files);
  if (isFormProblem(read)) return { form: new URLSearchParams(), problem: read };
  const { fields, upload } = read;
  const picked = pickAction(fields, form.actions);
  if (isFormProblem(picked)) return { form: fields, problem: picked };
  const { name, action } = picked;
  const checked = validate(action.fields, valuesOf(fields, action.fields));
  const outcome = checked.ok ? await action.run(checked.fields, upload) : { status: 422, errors: checked.errors };
  if (outcome && 'done' in outcome) {
    const location = form.location?.(outcome) ?? withDone(new URL(request.url).pathname, outcome);
    return new Response(null, { status: 303, headers: { Location: location } });
  }
  return { action: name, form: fields, problem: outcome };
}

/** `path?done=<id>` and the done's params. */
export function withDone(path: string, { done, params }: Done): string {
  return `${path}?${new URLSearchParams({ done, ...params })}`;
}

/** The message for the `?done=` a page was redirected with; only on GET, so a reload of a later post never shows it. */
export function doneMessage(page: Pick<Page, 'request' | 'url'>, messages: Record<string, DoneMessage>): string | undefined {
  const done = page.url.searchParams.get('done');
  if (page.request.method !== 'GET' || done === null || !Object.hasOwn(messages, done)) return undefined;
  const message = messages[done];
  return typeof message === 'string' ? message : message(page.url.searchParams);
}

/**
 * A form's fields checked against `schema`: the fields it makes, or each field's first problem, in the schema's
 * order (the form's). Every field is checked, so the error summary lists every problem at once.
 */
export function validate<S extends Fields>(
  schema: S,
  values: Record<string, unknown>,
): { ok: true; fields: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, fields: result.data };
  const errors: FieldErrors = {};
  for (const field of Object.keys(schema.shape)) {
    const issue = result.error.issues.find((i) => i.path[0] === field);
    if (issue) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** The values `schema` reads from a form: every value of an array field (ticked boxes), '' for a field not sent. */
function valuesOf(form: URLSearchParams, schema: Fields): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([name, field]) => [name, field instanceof z.ZodArray ? form.getAll(name) : (form.get(name) ?? '')]),
  );
}

/**
 * A staff form post's fields and the values its schema reads, or a 400 that says why they cannot be read: for
 * endpoints that answer in their own format (JSON).
 */
export async function readFields<S extends Fields>(request: Request, schema: S): Promise<{ fields: z.output<S> } | FormProblem> {
  const read = await readForm(request);
  if (isFormProblem(read)) return read;
  const checked = validate(schema, valuesOf(read.fields, schema));
  return checked.ok ? { fields: checked.fields } : { status: 422, errors: checked.errors };
}

export function isFormProblem(value: object): value is FormProblem {
  return 'errors' in value;
}

const AGAIN = 'Nothing was changed. Reload the page and use its form again.';

const NO_FILES: PostedFiles = { files: [], tooManyFiles: false };

/**
 * Anything but a readable form (JSON, a file upload to a form without files, a body over the size limit or cut off)
 * is refused whole, never read as an empty form whose missing fields then mean something.
 */
async function readForm(
  request: Request,
  files?: MultipartLimits,
): Promise<{ fields: URLSearchParams; upload: PostedFiles } | FormProblem> {
  if (files && isMultipart(request)) {
    const parsed = await readMultipart(request, files);
    if (isRejection(parsed)) return { ...refused(`${parsed.message} ${AGAIN}`), status: parsed.status };
    return { fields: parsed.form, upload: { files: parsed.files, tooManyFiles: parsed.tooManyFiles } };
  }
  if (submissionKind(request) !== 'form' || isMultipart(request))
    return refused(`This page takes its own form’s fields (application/x-www-form-urlencoded), not JSON or a file upload. ${AGAIN}`);
  const body = await readText(request);
  if (isRejection(body)) {
    const why = body.status === 413 ? `was larger than ${MAX_BODY_BYTES / 1024} KB` : 'could not be read';
    return refused(`The form ${why}. ${AGAIN}`);
  }
  return { fields: new URLSearchParams(body.text), upload: NO_FILES };
}

/**
 * The action a post names, exactly as the page's own forms send it: a missing or unknown action is a 400 and
 * changes nothing, never a fallback to some default action.
 */
function pickAction(form: URLSearchParams, actions: StaffForm['actions']): { name?: string; action: FormAction } | FormProblem {
  if (isSingle(actions)) return { action: actions };
  const name = form.get('action');
  if (name === null || name === '') return refused(`The form did not say what to do. ${AGAIN}`);
  if (!Object.hasOwn(actions, name)) return refused(`“${name.slice(0, 40)}” is not something this page does. ${AGAIN}`);
  return { name, action: actions[name] };
}

function isSingle(actions: StaffForm['actions']): actions is FormAction {
  return actions.fields instanceof z.ZodObject;
}

function refused(formError: string): FormProblem {
  return { status: 400, errors: {}, formError };
}
