import type { z } from 'astro/zod';

/** Validates an MDX component's props so an editor's typo fails the build with the component and prop named. */
export function validateProps<S extends z.ZodType>(component: string, schema: S, props: unknown): z.infer<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'props'}: ${i.message}`).join('; ');
  throw new Error(`<${component}> has invalid props: ${problems}`);
}
