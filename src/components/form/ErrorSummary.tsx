import type { Ref } from 'preact';

// Its styles (src/styles/error-summary.css) come with the pages that use it: the staff layout links them, the
// contact form island and the feedback thank-you page import them.

interface Props {
  /** Its heading. The staff console is not translated, so its pages use the English default; reader-facing forms pass the catalogue's. */
  title?: string;
  /** Messages keyed by the field they concern, in the form's order. */
  errors: Record<string, string>;
  formError?: string;
  /** Where each message links: the id of its field's input (by default the key itself); none leaves it plain. */
  fieldId?: (field: string) => string | undefined;
  /** Focus it on first render: right for a page that came back from the server with problems. */
  autoFocus?: boolean;
  summaryRef?: Ref<HTMLDivElement>;
}

/**
 * GOV.UK's error summary, shown at the top of a form with problems, each linking to its field. One component for
 * the server-rendered staff, contact and feedback pages (no JavaScript: `autofocus` moves focus to it so a screen reader
 * reads it first) and for the contact form island, which focuses it after each failed submission.
 */
export function ErrorSummary({
  title = 'There is a problem',
  errors,
  formError,
  fieldId = (field) => field,
  autoFocus = true,
  summaryRef,
}: Props) {
  const list = Object.entries(errors);
  if (list.length === 0 && !formError) return null;
  return (
    <div class="error-summary" ref={summaryRef} tabIndex={-1} autoFocus={autoFocus}>
      {/* role=alert on an inner element, so the heading and list are read when they appear (as GOV.UK does) */}
      <div role="alert">
        <h2 class="error-summary-title">{title}</h2>
        <ul>
          {formError && <li>{formError}</li>}
          {list.map(([field, message]) => {
            const id = fieldId(field);
            return <li key={field}>{id ? <a href={`#${id}`}>{message}</a> : message}</li>;
          })}
        </ul>
      </div>
    </div>
  );
}
