/**
 * The contact form's contract, shared by the server (which renders and re-renders it) and the island (which
 * submits it as JSON). Field names are the API's JSON names.
 */
export interface ContactFormValues {
  name: string;
  email: string;
  accountEmails: string[];
  topic: string;
  description: string;
  consent: boolean;
}

/** Messages keyed by field name, `accountEmails.<index>` for one address; in the order the form shows them. */
export type FieldErrors = Record<string, string>;

export interface ContactFormState {
  values: ContactFormValues;
  errors: FieldErrors;
  /** A problem with the submission as a whole (too many attempts, a form sent twice). */
  formError?: string;
  /** Carried over from the failed post, so a corrected resubmission keeps its key and its start time. */
  idempotencyKey?: string;
  startedAt?: number;
  transcript?: unknown;
}

export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;
export const ACCOUNT_EMAILS_MAX = 5;

export const emptyContactForm: ContactFormValues = {
  name: '',
  email: '',
  accountEmails: [],
  topic: '',
  description: '',
  consent: false,
};

/** Where the contact form lives; it also takes the plain form's posts, so errors show at its own address. */
export const CONTACT_PATH = '/contact/';

/** The sent state's own address, for the contact form and the troubleshooter's escalate steps alike. */
export function sentPath(reference: string, languagePrefix = ''): string {
  return `${languagePrefix}/contact/sent/?ref=${encodeURIComponent(reference)}`;
}

/** The id of a field's input (for labels, error links and aria-describedby). */
export function fieldId(field: string): string {
  return `contact-${field.replace('.', '-')}`;
}
