/**
 * Runs where it stands, right after the notices in the HTML and before the page below them is parsed, so before
 * anything under them is drawn: judges those notices by this browser's clock, user type and dismissals, and marks
 * the page as scripted, which shows "Show notices for" from the start. Whatever it changes, nothing moves.
 * Loaded as a classic script (see src/components/Announcements.astro); the notices script does the rest later.
 */
import { readReader, refineNotices } from '../lib/announcement-window.ts';

refineNotices(document.currentScript!.previousElementSibling as HTMLElement, readReader(), Date.now());
document.documentElement.dataset.noticesScript = '';
