import { useEffect, useRef } from 'preact/hooks';

interface Props {
  reference: string;
  supportHours: string;
  /** 1 on the confirmation page; 2 where it replaces a form inside a page. */
  headingLevel?: 1 | 2;
  /** Move focus to the heading when it appears in place of the form. */
  focus?: boolean;
}

/** What a reader sees once their request is stored: the reference and what happens next. */
export function EscalationConfirmation({ reference, supportHours, headingLevel = 2, focus = false }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Subheading = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <div class="escalation-confirmation">
      <div class="panel">
        <Heading ref={heading} tabIndex={-1}>
          Request sent
        </Heading>
        <p>
          Your reference is <strong class="reference">{reference}</strong>
        </p>
      </div>
      <Subheading>What happens next</Subheading>
      <p>A member of our support team will read your request and reply to the email address you gave. We reply {supportHours}.</p>
      <p>Keep your reference. If you contact us again about this problem, quote it so we can find your request quickly.</p>
      <p>
        <a href="/">Back to the help center</a>
      </p>
    </div>
  );
}
