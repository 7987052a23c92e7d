import { z } from 'astro/zod';
import { browserIds, browsers, type BrowserId } from './browsers.ts';

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

const CALLOUT_LABELS = { tip: 'Tip', note: 'Note', warning: 'Warning' } as const;

/** A callout's heading: its title, or what kind of callout it is. */
export function calloutLabel({ type, title }: z.infer<typeof calloutProps>): string {
  return title ?? CALLOUT_LABELS[type];
}

export function browserLabel(name: BrowserId): string {
  return browsers.find((b) => b.id === name)!.label;
}

/** A troubleshooter link's text when the editor wrote none between the tags. */
export function troubleshooterLinkLabel(flowTitle: string): string {
  return `${flowTitle}: start the troubleshooter`;
}

/** Validates an MDX component's props so an editor's typo fails the build with the component and prop named. */
export function validateProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.infer<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'props'}: ${i.message}`).join('; ');
  throw new Error(`<${component}> has invalid props: ${problems}`);
}
