/**
 * Marks the "In this article" link of the section being read (aria-current="true"): that of the last heading above
 * the top third of the window. The observer calls back when a heading crosses that line, not on every scroll.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))!);
const observer = new IntersectionObserver(
  () => {
    const current = headings.findLastIndex((h) => h.getBoundingClientRect().top < innerHeight / 3);
    links.forEach((a, i) => (a.ariaCurrent = i === current ? 'true' : null));
  },
  { rootMargin: '0px 0px -67%' },
);
headings.forEach((h) => observer.observe(h));
