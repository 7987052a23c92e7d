import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import {
  ACCOUNT_EMAILS_MAX,
  CONTACT_PATH,
  emptyContactForm,
  fieldId,
  sentPath,
  type ContactFormState,
  type ContactFormValues,
  type FieldErrors,
} from '../lib/contact-form.ts';
import { ACCEPT_FILES } from '../lib/attachment-files.ts';
import type { Transcript } from '../troubleshooter/transcript.ts';
import { formatMessage, formatParts, type Message } from '../i18n/format.ts';
import { Checkbox } from '../components/form/Checkbox.tsx';
import { Choices } from '../components/form/Choices.tsx';
import { ErrorMessage } from '../components/form/ErrorMessage.tsx';
import { ErrorSummary } from '../components/form/ErrorSummary.tsx';
import { Field } from '../components/form/Field.tsx';
import { Fieldset } from '../components/form/Fieldset.tsx';
import type { SuggestionsText } from './contact-form/Suggestions.tsx';
import { rememberSent, sentReference } from './contact-form/sent-requests.ts';

/**
 * The form's words, from the message catalogue (src/i18n/island-text.ts), ready to show; the Message ones have
 * placeholders the form fills in itself, in `locale`.
 */
export interface ContactFormText {
  locale: string;
  /** The code of the language these words are in: the form sends it, so answers and the ticket are in it too. */
  language: string;
  /** The page's language prefix ("/es", or "" for the default language): the sent page is in the same language. */
  languagePrefix: string;
  errorPrefix: string;
  problem: string;
  errorTitle: Message;
  failed: string;
  alreadySent: Message;
  another: string;
  name: string;
  nameHint: string;
  email: string;
  emailHint: string;
  accounts: string;
  accountsHint: string;
  address: Message;
  addAddress: string;
  topic: string;
  description: string;
  descriptionHint: string;
  attach: Message;
  consent: string;
  agent: string;
  trap: string;
  unreachable: string;
  tryAgain: string;
  sending: string;
  send: string;
  suggestions: SuggestionsText;
}

export interface ContactFormProps {
  text: ContactFormText;
  topics: { id: string; label: string }[];
  /** Preselected topic, e.g. from a troubleshooter's escalate step. */
  topic?: string;
  /** Where the description starts: a troubleshooter's escalate step fills in the path the reader took. */
  description?: string;
  /** The troubleshooter path to attach. */
  transcript?: Transcript;
  /** A failed plain-form post being shown again (values, errors). */
  initial?: Pick<ContactFormState, 'values' | 'errors' | 'formError'>;
  /** Server-made per render, so the plain form has one too; made here when missing. */
  idempotencyKey?: string;
  /** When the form was rendered (ms since epoch), for the server's minimum time to fill. */
  startedAt?: number;
  /** The file field's words when the request may carry files (ATTACHMENT_MAX_FILES > 0); no file field without it. */
  files?: { label: string; hint: string; multiple: boolean };
  onSubmitted?: (reference: string) => void;
  /** Suggest articles and troubleshooters as the reader describes the problem (loaded with the first render). */
  suggest?: boolean;
}

type Status = 'editing' | 'sending' | 'unreachable' | 'sent';

const API = '/api/escalations';

/**
 * The contact form. Its styles (src/styles/forms.css, error-summary.css) come with the pages that render it: the
 * troubleshooter loads this code only once a reader reaches an escalate step, and a stylesheet imported here would
 * then be fetched as a file the build does not emit.
 *
 * Rendered on the server it is a complete plain HTML form, posted to the contact page itself;
 * once hydrated it sends JSON with an Idempotency-Key (the form itself, multipart, when files are chosen), so
 * retrying after a network failure can never create a second ticket. Either way a sent request ends on its own
 * address, /contact/sent/?ref=….
 */
export default function ContactForm(props: ContactFormProps) {
  const { text, topics, transcript, startedAt, onSubmitted, files } = props;
  const { language } = text;
  const { locale, errorPrefix } = text;
  const blank = { ...emptyContactForm, topic: props.topic ?? '', description: props.description ?? '' };
  const [values, setValues] = useState<ContactFormValues>(() => ({ ...blank, ...props.initial?.values }));
  const [errors, setErrors] = useState<FieldErrors>(props.initial?.errors ?? {});
  const [formError, setFormError] = useState(props.initial?.formError);
  const [key, setKey] = useState(() => props.idempotencyKey ?? crypto.randomUUID());
  const [status, setStatus] = useState<Status>('editing');
  const [reference, setReference] = useState('');
  // Until hydrated, render exactly what the server rendered: every address box, no "add" button.
  const [enhanced, setEnhanced] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef<string>();
  const [suggestions, setSuggestions] = useState<typeof import('./contact-form/Suggestions.tsx')>();

  useEffect(() => {
    setEnhanced(true);
    // Back to a form this tab already sent (history, a reload, the same troubleshooter path): say so.
    const sent = sentReference(transcript);
    if (sent) {
      setReference(sent);
      setStatus('sent');
    }
    if (props.suggest)
      void import('./contact-form/Suggestions.tsx').then((module) => {
        // Back from a suggested article (or a reload): what the reader had written (sending removed it).
        const draft = !props.initial && module.savedDraft(transcript);
        if (draft) setValues((v) => ({ ...v, ...draft }));
        setSuggestions(module);
      });
  }, []);
  useEffect(() => suggestions?.saveDraft(transcript, values), [values, suggestions]);
  useEffect(() => {
    if (focusAfterRender.current) document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = undefined;
  });
  const failed = status !== 'sent' && (Object.keys(errors).length > 0 || formError !== undefined);
  // After a failed submission (the server's, or ours), move focus to the summary so it is read out first.
  useEffect(() => {
    if (failed) summary.current?.focus();
  }, [attempt]);
  // Say so in the title too, as the server does for the plain form.
  useEffect(() => {
    // The words the message puts around the page's own title ("Error: " and ""), found by filling in a marker.
    const [before, after] = formatMessage(text.errorTitle, { title: '\0' }, locale).split('\0');
    let title = document.title;
    if (title.startsWith(before) && title.endsWith(after)) title = title.slice(before.length, title.length - after.length);
    document.title = failed ? before + title + after : title;
  }, [failed]);

  /** A new request on purpose: an empty form under a new key, so it is never mistaken for a resend. */
  function sendAnother() {
    rememberSent(transcript, undefined);
    setValues(blank);
    setErrors({});
    setFormError(undefined);
    setKey(crypto.randomUUID());
    setStatus('editing');
    focusAfterRender.current = fieldId('name');
  }

  if (status === 'sent') {
    return (
      <div class="contact-sent">
        <p>
          {formatParts(
            text.alreadySent,
            {
              reference: (
                <a href={sentPath(reference, text.languagePrefix)}>
                  <strong class="reference">{reference}</strong>
                </a>
              ),
            },
            locale,
          )}
        </p>
        <button type="button" class="secondary" onClick={sendAnother}>
          {text.another}
        </button>
      </div>
    );
  }

  const set = (patch: Partial<ContactFormValues>) => setValues((v) => ({ ...v, ...patch }));
  /** A field's id and error, as every field component takes them. */
  const about = (field: string) => ({ id: fieldId(field), error: errors[field], errorPrefix });
  const typed = (field: 'name' | 'email' | 'description') => ({
    value: values[field],
    onInput: (e: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [field]: e.currentTarget.value }),
  });
  const filled = values.accountEmails.length;
  const slots = enhanced ? Math.max(1, filled) : Math.max(ACCOUNT_EMAILS_MAX, filled);

  function addAddress() {
    set({ accountEmails: [...Array.from({ length: slots }, (_, i) => values.accountEmails[i] ?? ''), ''] });
    focusAfterRender.current = fieldId(`accountEmails.${slots}`);
  }

  async function submit(event?: Event) {
    event?.preventDefault();
    if (status === 'sending') return;
    setStatus('sending');
    const fields = new FormData(form.current!);
    const withFiles = fields.getAll('attachments').some((file) => file instanceof File && file.name !== '');
    const body = { ...values, transcript, website: fields.get('website'), startedAt, language };
    let response: Response;
    try {
      response = await fetch(API, {
        method: 'POST',
        // With files, the form as the browser encodes it (multipart); the fields are the plain form's.
        headers: { ...(withFiles ? {} : { 'Content-Type': 'application/json' }), Accept: 'application/json', 'Idempotency-Key': key },
        body: withFiles ? fields : JSON.stringify(body),
      });
    } catch {
      // Input stays as it is; "Try again" resends under the same key.
      setStatus('unreachable');
      return;
    }
    const answer = (await response.json().catch(() => ({}))) as {
      reference?: string;
      fields?: FieldErrors;
      message?: string;
      error?: string;
    };
    if (response.ok && answer.reference) {
      rememberSent(transcript, answer.reference);
      setReference(answer.reference);
      setStatus('sent');
      onSubmitted?.(answer.reference);
      location.assign(sentPath(answer.reference, text.languagePrefix));
      return;
    }
    if (response.status >= 500) {
      setStatus('unreachable');
      return;
    }
    if (answer.error === 'idempotency-key-reused') setKey(crypto.randomUUID());
    setErrors(answer.fields ?? {});
    setFormError(answer.fields ? undefined : (answer.message ?? text.failed));
    setStatus('editing');
    setAttempt((n) => n + 1);
  }

  return (
    <form
      ref={form}
      class="form-layout"
      method="post"
      action={`${text.languagePrefix}${CONTACT_PATH}`}
      encType={files ? 'multipart/form-data' : undefined}
      noValidate
      onSubmit={submit}
    >
      <ErrorSummary
        title={text.problem}
        errors={errors}
        formError={formError}
        fieldId={fieldId}
        autoFocus={attempt === 0}
        summaryRef={summary}
      />

      <Field
        {...about('name')}
        label={text.name}
        hint={text.nameHint}
        input={{ type: 'text', name: 'name', autoComplete: 'name', ...typed('name') }}
      />

      <Field
        {...about('email')}
        label={text.email}
        hint={text.emailHint}
        input={{ type: 'email', name: 'email', autoComplete: 'email', spellcheck: false, ...typed('email') }}
      />

      <Fieldset {...about('accountEmails')} legend={text.accounts} hint={text.accountsHint}>
        {Array.from({ length: slots }, (_, i) => {
          const field = `accountEmails.${i}`;
          return (
            <Field
              key={field}
              {...about(field)}
              label={formatMessage(text.address, { number: i + 1 }, locale)}
              input={{
                type: 'email',
                name: 'accountEmails',
                spellcheck: false,
                value: values.accountEmails[i] ?? '',
                onInput: (e) => {
                  const list = [...values.accountEmails];
                  list[i] = e.currentTarget.value;
                  set({ accountEmails: list });
                },
              }}
            />
          );
        })}
        {enhanced && slots < ACCOUNT_EMAILS_MAX && (
          <button type="button" class="secondary" onClick={addAddress}>
            {text.addAddress}
          </button>
        )}
      </Fieldset>

      <Choices
        type="radio"
        {...about('topic')}
        name="topic"
        legend={text.topic}
        options={topics}
        checked={[values.topic]}
        onChange={(e) => set({ topic: e.currentTarget.value })}
      />

      <Field
        {...about('description')}
        label={text.description}
        hint={text.descriptionHint}
        input={{ name: 'description', ...typed('description') }}
        rows={8}
      />
      {suggestions && <suggestions.Suggestions description={values.description} text={text.suggestions} />}

      {files && (
        <Field
          {...about('attachments')}
          label={files.label}
          hint={files.hint}
          input={{ type: 'file', name: 'attachments', multiple: files.multiple, accept: ACCEPT_FILES }}
        />
      )}

      {(transcript || errors.transcript) && (
        <div class="field" id={fieldId('transcript')} tabIndex={-1}>
          <ErrorMessage id={fieldId('transcript')} message={errors.transcript} prefix={errorPrefix} />
          {transcript && <p>{formatMessage(text.attach, { count: transcript.steps.length }, locale)}</p>}
        </div>
      )}
      <input type="hidden" name="transcript" value={transcript ? JSON.stringify(transcript) : ''} />

      <Checkbox
        {...about('consent')}
        label={text.consent}
        input={{ name: 'consent', value: 'yes', checked: values.consent, onChange: (e) => set({ consent: e.currentTarget.checked }) }}
      />

      <p class="hint">{text.agent}</p>

      {/* People never see this field; automated senders fill it in. */}
      <div class="contact-trap" aria-hidden="true">
        <label for={fieldId('website')}>{text.trap}</label>
        <input type="text" id={fieldId('website')} name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name="idempotencyKey" value={key} />
      {startedAt !== undefined && <input type="hidden" name="startedAt" value={String(startedAt)} />}
      <input type="hidden" name="language" value={language} />

      {status === 'unreachable' && (
        <div class="notice" role="alert">
          <p>{text.unreachable}</p>
          <button type="button" class="secondary" onClick={() => void submit()}>
            {text.tryAgain}
          </button>
        </div>
      )}
      <button type="submit" aria-disabled={status === 'sending' || undefined}>
        {status === 'sending' ? text.sending : text.send}
      </button>
    </form>
  );
}
