/**
 * Site notices: fetched after the page loaded (pages stay static and cookie-free), shown while their window
 * contains this browser's clock, each dismissible and remembered (localStorage). The reader's user type, picked
 * in the "Show notices for" control, is remembered the same way and sent to the endpoint.
 */
import { ANNOUNCEMENTS_ENDPOINT, isActiveAt, USER_TYPE_KEY, type PublicAnnouncement } from '../lib/announcement-window.ts';

const DISMISSED_KEY = 'signpost:dismissed';
/** Stroke icons (24×24), decorative: the spoken prefix says the same. */
const ICONS = {
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5v.5',
  warning: 'M12 3 2 20h20zM12 10v4M12 17v.5',
  success: 'M4 12.5 9.5 18 20 6',
};
const SPOKEN = { info: 'Information', warning: 'Warning', success: 'Good news' };

const region = document.querySelector<HTMLElement>('.announcements')!;
const list = region.querySelector('ul')!;
const picker = document.querySelector<HTMLSelectElement>('#audience-choice');
const rendered = new Map<string, HTMLLIElement>();
let notices: PublicAnnouncement[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

const read = (key: string) => {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
};
const write = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
};
const dismissed = (): string[] => JSON.parse(read(DISMISSED_KEY) || '[]') as string[];

async function load() {
  const userType = read(USER_TYPE_KEY);
  try {
    const response = await fetch(ANNOUNCEMENTS_ENDPOINT + (userType ? `?userType=${encodeURIComponent(userType)}` : ''));
    // Read the body even on an error, so the request completes (a static host answers with its 404 page).
    const body = (await response.json()) as { announcements?: PublicAnnouncement[] };
    notices = (response.ok && body.announcements) || [];
  } catch {
    notices = [];
  }
  show();
}

/** Shows the notices active now, keeping the ones already on screen (and focus in them), then waits for the next start or end. */
function show() {
  clearTimeout(timer);
  const now = Date.now();
  const hidden = dismissed();
  const visible = notices.filter((n) => isActiveAt(n, now) && !hidden.includes(n.key)).map((n) => rendered.get(n.key) ?? banner(n));
  for (const item of [...list.children]) if (!visible.includes(item as HTMLLIElement)) item.remove();
  visible.forEach((item, i) => list.children[i] !== item && list.insertBefore(item, list.children[i] ?? null));
  region.hidden = visible.length === 0;
  const next = Math.min(...notices.flatMap((n) => [n.start, n.end].map((t) => (t ? Date.parse(t) - now : 0)).filter((wait) => wait > 0)));
  if (next < 2 ** 31) timer = setTimeout(show, next);
}

function banner(notice: PublicAnnouncement): HTMLLIElement {
  const item = document.createElement('li');
  const id = `notice-${rendered.size}`;
  item.className = `announcement announcement-${notice.icon}`;
  item.innerHTML =
    `<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="${ICONS[notice.icon]}"/></svg>` +
    `<p id="${id}"><span class="sr-only">${SPOKEN[notice.icon]}: </span>${notice.html}</p>` +
    `<button type="button" class="secondary" aria-label="Dismiss this notice" aria-describedby="${id}">×</button>`;
  if (notice.for)
    item
      .querySelector('p')!
      .append(
        Object.assign(document.createElement('span'), { className: 'announcement-for', textContent: ` For ${notice.for.toLowerCase()}.` }),
      );
  item.querySelector('button')!.addEventListener('click', () => {
    write(DISMISSED_KEY, JSON.stringify([...dismissed(), notice.key].slice(-50)));
    const neighbour = (item.nextElementSibling ?? item.previousElementSibling)?.querySelector('button');
    show();
    // Focus must not fall back to the page's start: the next notice, else the main content.
    (neighbour ?? document.getElementById('main'))?.focus();
  });
  rendered.set(notice.key, item);
  return item;
}

if (picker) {
  picker.value = read(USER_TYPE_KEY);
  picker.closest<HTMLElement>('aside')!.hidden = false;
  picker.addEventListener('change', () => {
    write(USER_TYPE_KEY, picker.value);
    void load();
  });
}
void load();
