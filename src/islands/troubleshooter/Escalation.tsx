import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ContactFormProps } from '../ContactForm.tsx';

type ContactForm = FunctionComponent<ContactFormProps>;
let loaded: ContactForm | undefined;

/**
 * The escalate step's contact form. Its code is loaded when a reader reaches such a step, not with the page:
 * most walks never get there. Until it arrives, the form the server rendered (a plain form that already works)
 * stays, or a short wait is shown when the reader came from another step.
 */
export function Escalation({ form, serverForm, waiting }: { form: ContactFormProps; serverForm?: ComponentChildren; waiting: string }) {
  const [Form, setForm] = useState<ContactForm | undefined>(() => loaded);
  useEffect(() => {
    if (!Form) void import('../ContactForm.tsx').then((module) => setForm(() => (loaded = module.default)));
  }, []);
  if (Form) return <Form {...form} />;
  return serverForm ? <>{serverForm}</> : <p class="muted">{waiting}</p>;
}
