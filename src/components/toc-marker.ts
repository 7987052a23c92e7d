/**
 * Marks the "In this article" link of the section being read (aria-current="true"): the last heading above the top
 * third of the window. IntersectionObserver tells when a heading crosses that line, so nothing runs while scrolling.
 */
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))!);
const mark = () => {
  const current = headings.findLastIndex((h) => h.getBoundingClientRect().top < innerHeight / 3);
  links.forEach((a, i) => (i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
};
const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -67% 0px' });
headings.forEach((h) => observer.observe(h));
