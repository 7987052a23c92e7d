import { z } from 'astro/zod';
import { browserIds, type BrowserId } from './browsers.ts';
import { defaultLanguage } from '../i18n/languages.ts';
import { messagesFor } from '../i18n/messages.ts';

/**
 * The props of the components editors may use in MDX (src/components/mdx/, docs/editing.md), and the words they
 * show when the editor gives none: shared by the components and the articles' Markdown form
 * (src/lib/markdown/article-markdown.ts).
 */
export const calloutProps = z.object({
  type: z.enum(['tip', 'note', 'warning']).default('note'),
  title: z.string().optional(),
});
export const browserProps = z.object({ name: z.enum(browserIds) });
export const troubleshooterLinkProps = z.object({ flow: z.string(), step: z.string().optional() });

/** A callout's heading: its title, or what kind of callout it is (in language `lang`). */
export function calloutLabel({ type, title }: z.infer<typeof calloutProps>, lang: string = defaultLanguage.code): string {
  const { t } = messagesFor(lang);
  return title ?? { tip: t('callout.tip'), note: t('callout.note'), warning: t('callout.warning') }[type];
}

/** A browser's name, on a <Browser> panel or tab and a troubleshooter's browser tab (in language `lang`). */
export function browserLabel(name: BrowserId, lang: string = defaultLanguage.code): string {
  const { t } = messagesFor(lang);
  const labels: Record<BrowserId, string> = {
    chrome: t('browser.chrome'),
    firefox: t('browser.firefox'),
    safari: t('browser.safari'),
    edge: t('browser.edge'),
    other: t('browser.other'),
  };
  return labels[name];
}

/** A troubleshooter link's text when the editor wrote none between the tags (in language `lang`). */
export function troubleshooterLinkLabel(flowTitle: string, lang: string = defaultLanguage.code): string {
  return messagesFor(lang).t('troubleshooter-link.label', { flow: flowTitle });
}

/** Validates an MDX component's props so an editor's typo fails the build with the component and prop named. */
export function validateProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.infer<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'props'}: ${i.message}`).join('; ');
  throw new Error(`<${component}> has invalid props: ${problems}`);
}
