import { z } from 'astro/zod';

const hexColor = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, { error: 'a hex colour such as #0b5cad' });
/** One colour per colour scheme. */
const themeColor = z.object({ light: hexColor, dark: hexColor });
/** A file in public/, by its URL path. */
const publicFile = z.string().regex(/^\/[\w./-]+\.svg$/, { error: 'an SVG in public/, by its path, e.g. /brand/logo-light.svg' });

/** Brand and support settings: the one place the demo brand is named. */
export const siteConfigSchema = z.object({
  productName: z.string().min(1),
  helpCenterName: z.string().min(1),
  /** Public origin; overridden at build and run time by SITE_URL (behind an HTTPS proxy). */
  baseUrl: z.url(),
  supportHours: z.string().min(1),
  supportEmail: z.email(),
  /** Reader groups an article can target; the first entry is not special. */
  audiences: z
    .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), label: z.string().min(1) }))
    .min(1)
    .refine((list) => new Set(list.map((a) => a.id)).size === list.length, {
      error: 'audience ids must be unique',
    }),
  /** What a request for help is about; the contact form offers these, troubleshooter steps preselect one. */
  topics: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), label: z.string().min(1) })).min(1),
  locale: z.string().default('en'),
  /**
   * The languages the help center speaks (src/i18n/languages.ts): `code` as in URLs and content folders
   * (`/es/`, `content/es/`), `name` in the language itself (the switcher shows it), `dir` its text direction. The
   * default language (`defaultLanguage`, else the first) keeps today's URLs and content/articles/; each language
   * needs content/messages/<code>.json.
   */
  languages: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, { error: 'a lowercase language code, like "es" or "pt-br"' }),
        name: z.string().min(1),
        dir: z.enum(['ltr', 'rtl']).default('ltr'),
      }),
    )
    .min(1)
    .refine((list) => new Set(list.map((l) => l.code)).size === list.length, { error: 'language codes must be unique' })
    .default([{ code: 'en', name: 'English', dir: 'ltr' }]),
  defaultLanguage: z.string().optional(),
  /**
   * Where editors change a file in the browser, `{path}` standing for its path in the project (e.g.
   * `https://github.com/acme/help/edit/main/{path}`); the work queue then links each item's file. Optional.
   */
  editUrl: z
    .string()
    .regex(/^https?:\/\/\S*\{path\}/, { error: 'a URL with {path} where the file goes' })
    .optional(),
  /**
   * The brand. `logo`: square SVG marks in public/, one drawn for light and one for dark backgrounds; the header shows
   * the one for the reader's colour scheme beside the help center name, the light one is the tab icon and goes on the
   * Open Graph images. `colors`: `accent` for links, buttons and the like, `accentText` for text on accent buttons;
   * the build checks both schemes against the theme's backgrounds (WCAG AA, 4.5:1) and stops naming the setting.
   */
  brand: z.object({
    logo: z.object({ light: publicFile, dark: publicFile }),
    colors: z.object({ accent: themeColor, accentText: themeColor }),
  }),
  /**
   * The settings readers see, in another of `languages`, by its code: `helpCenterName`, `supportHours`, and labels for
   * `topics` and `audiences` by their ids. Each is optional; what is left out shows as set above (src/i18n/site-text.ts).
   */
  translations: z
    .record(
      z.string(),
      z.strictObject({
        helpCenterName: z.string().min(1).optional(),
        supportHours: z.string().min(1).optional(),
        topics: z.record(z.string(), z.string().min(1)).optional(),
        audiences: z.record(z.string(), z.string().min(1)).optional(),
      }),
    )
    .default({}),
});

export type SiteConfig = z.infer<typeof siteConfigSchema> & { defaultLanguage: string };

export function parseSiteConfig(input: unknown, env: Record<string, string | undefined> = {}): SiteConfig {
  const merged = { ...(input as object), ...(env.SITE_URL ? { baseUrl: env.SITE_URL } : {}) };
  const result = siteConfigSchema
    .refine((config) => !config.defaultLanguage || config.languages.some((l) => l.code === config.defaultLanguage), {
      error: 'must be the code of one of `languages`',
      path: ['defaultLanguage'],
    })
    .superRefine((config, context) => {
      // A translation names a configured language, and only topics and audiences that exist.
      for (const [code, words] of Object.entries(config.translations)) {
        if (!config.languages.some((l) => l.code === code)) {
          context.addIssue({ code: 'custom', path: ['translations', code], message: 'must be the code of one of `languages`' });
        }
        for (const list of ['topics', 'audiences'] as const) {
          for (const id of Object.keys(words[list] ?? {})) {
            if (config[list].some((item) => item.id === id)) continue;
            const known = config[list].map((item) => item.id).join(', ');
            context.addIssue({ code: 'custom', path: ['translations', code, list, id], message: `not one of \`${list}\` (${known})` });
          }
        }
      }
    })
    .safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid site config (src/site.config.ts or SITE_URL):\n${lines.join('\n')}`);
  }
  const defaultLanguage = result.data.defaultLanguage ?? result.data.languages[0].code;
  return { ...result.data, defaultLanguage, baseUrl: result.data.baseUrl.replace(/\/+$/, '') };
}

export const site = parseSiteConfig(
  {
    productName: 'Loomwork',
    helpCenterName: 'Loomwork Help Center',
    baseUrl: 'http://localhost:4321',
    supportHours: 'Monday to Friday, 08:00–20:00 UTC',
    supportEmail: 'support@loomwork.example',
    audiences: [
      { id: 'freelancer', label: 'Freelancers' },
      { id: 'client', label: 'Clients' },
    ],
    languages: [
      { code: 'en', name: 'English', dir: 'ltr' },
      { code: 'es', name: 'Español', dir: 'ltr' },
    ],
    topics: [
      { id: 'sign-in', label: 'Signing in' },
      { id: 'password-reset', label: 'Password reset' },
      { id: 'security-question', label: 'Security question or details' },
      { id: 'two-step', label: 'Two-step verification' },
      { id: 'account-email', label: 'Changing my account email' },
      { id: 'payments', label: 'Payments' },
      { id: 'other', label: 'Something else' },
    ],
    translations: {
      es: {
        helpCenterName: 'Centro de ayuda de Loomwork',
        supportHours: 'De lunes a viernes, de 08:00 a 20:00 (UTC)',
        topics: {
          'sign-in': 'No puedo iniciar sesión',
          'password-reset': 'Restablecer la contraseña',
          'security-question': 'Pregunta de seguridad o datos de la cuenta',
          'two-step': 'Verificación en dos pasos',
          'account-email': 'Cambiar el correo de mi cuenta',
          payments: 'Pagos y cobros',
          other: 'Otra cosa',
        },
        audiences: { freelancer: 'Autónomos', client: 'Clientes' },
      },
    },
    brand: {
      logo: { light: '/brand/logo-light.svg', dark: '/brand/logo-dark.svg' },
      colors: {
        accent: { light: '#0b5cad', dark: '#7db8f5' },
        accentText: { light: '#ffffff', dark: '#0d1117' },
      },
    },
  },
  process.env,
);

export const audienceIds = site.audiences.map((a) => a.id) as [string, ...string[]];
export const topicIds = site.topics.map((t) => t.id) as [string, ...string[]];
export const languageCodes = site.languages.map((l) => l.code) as [string, ...string[]];
