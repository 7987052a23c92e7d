/**
 * Marks the "In this article" link of the section being read (aria-current="true"): that of the last heading above
 * the top third of the window. The observer calls back when a heading crosses that line, not on every scroll; its
 * area reaches far above the window, so a jump past the line (a link, Home, End) counts as a crossing too.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))!);
// Whether each heading has crossed above the line, as the observer last reported it.
const above = headings.map(() => false);
const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) above[headings.indexOf(entry.target as HTMLElement)] = entry.isIntersecting;
    const current = above.lastIndexOf(true);
    links.forEach((a, i) => (a.ariaCurrent = i === current ? 'true' : null));
  },
  { rootMargin: '99999px 0px -67%' },
);
headings.forEach((h) => observer.observe(h));
