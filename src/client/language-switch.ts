/**
 * The header's language links (src/components/Header.astro) are plain links to the same page in another language.
 * On a troubleshooter the island keeps the step in the address's `#`; this carries it over, so the other language
 * opens at the same step.
 */
export function keepStepOnLanguageSwitch(): void {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[hreflang][data-same-page]') : null;
    if (link instanceof HTMLAnchorElement && location.hash) link.hash = location.hash;
  });
}
