/** Where each language's search bundle is served; small enough for the browser (no site configuration). */

/** Where a language's bundle is served (and lies under the built site's root). */
export const bundlePath = (language: string) => `/pagefind/${language}/`;

/** A `lang` attribute as a bundle's language code: its primary subtag, lower case ("es-419" is "es"). */
export const languageCode = (lang: string) => lang.trim().toLowerCase().split('-')[0];
