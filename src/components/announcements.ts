/**
 * Site notices, once the page is drawn. The page's own notices (first list) were judged before it was drawn;
 * this adds the ones only the server knows (staff-published, by country) or that start while the page is open,
 * to the list fixed at the foot of the window, so the page never moves for them. Each notice can be dismissed,
 * remembered in localStorage like the reader's user type ("Show notices for"), which is sent to the endpoint.
 */
import { noticeItem, type NoticeWords } from '../lib/announcement-markup.ts';
import {
  ANNOUNCEMENTS_ENDPOINT,
  DISMISSED_KEY,
  USER_TYPE_KEY,
  noticeApplies,
  readReader,
  refineNotices,
  type PublicAnnouncement,
} from '../lib/announcement-window.ts';

const region = document.querySelector<HTMLElement>('.announcements')!;
const [inPage, later] = Array.from(region.children) as HTMLElement[];
const words = JSON.parse(region.dataset.words!) as NoticeWords;
const picker = document.querySelector<HTMLSelectElement>('#audience-choice');
/** The page's own notices on show: shown there, never again at the foot. */
let shownInPage: (string | undefined)[] = [];
let notices: PublicAnnouncement[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

const remember = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
};

async function load() {
  const { userType } = readReader();
  try {
    // In the page's language (its own notices are), so a notice written in it is not shown again in another.
    const query = new URLSearchParams({ lang: document.documentElement.lang });
    if (userType) query.set('userType', userType);
    const response = await fetch(`${ANNOUNCEMENTS_ENDPOINT}?${query}`);
    // Read the body even on an error, so the request completes (a static host answers with its 404 page).
    const body = (await response.json()) as { announcements?: PublicAnnouncement[] };
    notices = (response.ok && body.announcements) || [];
  } catch {
    notices = [];
  }
  showLater();
}

/** Shows the notices due now at the foot, keeping those already there (and focus in them); waits for the next start or end. */
function showLater() {
  clearTimeout(timer);
  const now = Date.now();
  const reader = readReader();
  const due = notices.filter((n) => !shownInPage.includes(n.key) && noticeApplies(n, now, reader));
  const items = Array.from(later.children as HTMLCollectionOf<HTMLElement>);
  for (const item of items) if (!due.some((n) => n.key === item.dataset.key)) item.remove();
  due.forEach((notice, i) => {
    const item = items.find((it) => it.dataset.key === notice.key) ?? banner(notice);
    if (later.children[i] !== item) later.insertBefore(item, later.children[i] ?? null);
  });
  later.hidden = due.length === 0;
  region.hidden = later.hidden && inPage.hidden;
  const next = Math.min(...notices.flatMap((n) => [n.start, n.end].map((t) => (t ? Date.parse(t) - now : 0)).filter((wait) => wait > 0)));
  if (next < 2 ** 31) timer = setTimeout(showLater, next);
}

let made = 0;
function banner(notice: PublicAnnouncement): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = noticeItem(notice, `notice-later-${made++}`, { hidden: false, dismissHidden: false }, words);
  return template.content.firstElementChild as HTMLElement;
}

// Dismiss, in either list: remembered, and focus moves to the next notice, else the main content, never the page's start.
region.addEventListener('click', (event) => {
  const item = (event.target as Element).closest('button')?.closest('li');
  if (!item?.dataset.key) return;
  remember(DISMISSED_KEY, JSON.stringify([...readReader().dismissed, item.dataset.key].slice(-50)));
  const siblings = Array.from(item.parentElement!.children as HTMLCollectionOf<HTMLElement>).filter((it) => !it.hidden && it !== item);
  const neighbour = siblings.find((it) => item.compareDocumentPosition(it) & Node.DOCUMENT_POSITION_FOLLOWING) ?? siblings.at(-1);
  if (item.parentElement === inPage) refine();
  showLater();
  (neighbour?.querySelector('button') ?? document.getElementById('main'))?.focus();
});

/** Judges the page's own notices again: the reader just changed something (dismissed one, picked a user type). */
function refine() {
  shownInPage = refineNotices(region, readReader(), Date.now());
}

// Judged before the page was drawn (notices-before-paint.ts, beside this file), unless that script did not run.
if ('noticesScript' in document.documentElement.dataset) {
  shownInPage = Array.from(inPage.children as HTMLCollectionOf<HTMLElement>)
    .filter((item) => !item.hidden)
    .map((item) => item.dataset.key);
} else {
  refine();
  document.documentElement.dataset.noticesScript = '';
}
if (picker) picker.value = readReader().userType;
picker?.addEventListener('change', () => {
  remember(USER_TYPE_KEY, picker.value);
  refine();
  void load();
});

// The foot list covers the page's end: keep as much room below the page (and for scrolling to a focused element).
new ResizeObserver(() => document.documentElement.style.setProperty('--announcements-later', `${later.offsetHeight}px`)).observe(later);

void load();
