// The build's pictures, drawn with sharp after Astro has written the pages: each page's Open Graph image (the one
// its <head> names under /og/, see src/brand/og-image-path.ts) and the home-screen icon. An article's picture shows
// its title, the help center's name and the logo. Pictures are kept in a cache keyed by everything drawn on them,
// so a rebuild draws only the titles that changed.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OverlayOptions } from 'sharp';
import { APPLE_TOUCH_ICON, OG_DIR, OG_HEIGHT, OG_WIDTH, SITE_OG_IMAGE } from '../../src/brand/og-image-path.ts';
import { runJobApart } from '../../src/lib/process-job.ts';
import { readHead } from '../../src/search/built-pages.ts';
import { decodeAttribute } from './page-policies.ts';

/** Bump when the drawing changes, so cached pictures are drawn again. */
const DRAWING_VERSION = 1;
const MARGIN = 80;
const LOGO_SIZE = 88;
const TITLE_TOP = 230;
const TITLE_MAX_HEIGHT = OG_HEIGHT - TITLE_TOP - MARGIN;
const TITLE_COLOR = '#1b1f24';
const TOUCH_ICON_SIZE = 180;
const PICTURES_PROCESS = fileURLToPath(new URL('./og-images-process.ts', import.meta.url));
/**
 * glibc's malloc arenas for the pictures' process. By default a process may have 8 per core, and libvips' threads
 * spread their many small allocations over them, each arena keeping what it once held: its memory grew with every
 * thousand pictures. Two arenas keep it flat, at about the same speed (sharp's docs, "memory allocator").
 */
const MALLOC_ARENAS = '2';

export interface Brand {
  siteName: string;
  /** The light logo's SVG source. */
  logoSvg: Buffer;
  accent: string;
  background: string;
}

/** Text for Pango markup (sharp's text input). */
function markup(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** Big bold text wrapped to the picture's width; a title too long for the space is made smaller to fit. */
async function drawText(text: string, color: string, points: number, maxHeight: number): Promise<Buffer> {
  const input = {
    text: `<span foreground="${color}">${markup(text)}</span>`,
    width: OG_WIDTH - 2 * MARGIN,
    rgba: true,
    wrap: 'word' as const,
  };
  const natural = await sharp({ text: { ...input, font: `sans-serif Bold ${points}`, dpi: 72 } })
    .png({ compressionLevel: 0 })
    .toBuffer({ resolveWithObject: true });
  if (natural.info.height <= maxHeight) return natural.data;
  return sharp({ text: { ...input, font: 'sans-serif Bold', height: maxHeight } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** What every picture shares: the background, an accent band, the logo and (for articles) the help center's name. */
async function drawBase(brand: Brand, withName: boolean): Promise<Buffer> {
  const logo = await sharp(brand.logoSvg, { density: 72 * (LOGO_SIZE / 32) * 2 })
    .resize(LOGO_SIZE, LOGO_SIZE)
    .png()
    .toBuffer();
  const layers: OverlayOptions[] = [
    { input: { create: { width: OG_WIDTH, height: 16, channels: 4, background: brand.accent } }, left: 0, top: 0 },
    { input: logo, left: MARGIN, top: MARGIN },
  ];
  if (withName) {
    const name = await sharp({
      text: {
        text: `<span foreground="${brand.accent}">${markup(brand.siteName)}</span>`,
        font: 'sans-serif Bold 40',
        dpi: 72,
        rgba: true,
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer({ resolveWithObject: true });
    layers.push({ input: name.data, left: MARGIN + LOGO_SIZE + 28, top: MARGIN + Math.round((LOGO_SIZE - name.info.height) / 2) });
  }
  return sharp({ create: { width: OG_WIDTH, height: OG_HEIGHT, channels: 3, background: brand.background } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer();
}

/** One picture as PNG: the shared base with a title laid over it. */
async function drawPicture(base: Buffer, title: string): Promise<Buffer> {
  const text = await drawText(title, TITLE_COLOR, 64, TITLE_MAX_HEIGHT);
  return sharp(base, { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 3 } })
    .composite([{ input: text, left: MARGIN, top: TITLE_TOP }])
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** The Open Graph pictures the built pages ask for: picture path (under the site) → title to draw. */
export async function picturesAskedFor(clientDir: string, baseUrl: string): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  const prefix = `${baseUrl}/${OG_DIR}/`;
  for (const file of readdirSync(clientDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.html')) continue;
    // Only the head: the whole page's text would be garbage here, growing the heap beside libvips' memory.
    const head = await readHead(join(clientDir, file));
    const image = /<meta property="og:image" content="([^"]*)"/.exec(head)?.[1];
    if (!image) continue;
    const url = decodeAttribute(image);
    if (!url.startsWith(prefix)) continue;
    const path = decodeURIComponent(new URL(url).pathname);
    if (path === SITE_OG_IMAGE) continue;
    const title = /<meta property="og:title" content="([^"]*)"/.exec(head)?.[1];
    if (title === undefined) throw new Error(`${file}: names the picture ${path} but has no og:title to draw on it`);
    const text = decodeAttribute(title);
    const earlier = wanted.get(path);
    if (earlier !== undefined && earlier !== text) throw new Error(`${file}: the picture ${path} is asked for with two titles`);
    wanted.set(path, text);
  }
  return wanted;
}

export interface PictureReport {
  pictures: number;
  drawn: number;
}

/**
 * Writes the site picture, each article's picture and the home-screen icon into `clientDir`, drawing only what the
 * cache in `cacheDir` does not hold (it keeps what this build used).
 */
export async function writePictures(clientDir: string, cacheDir: string, baseUrl: string, brand: Brand): Promise<PictureReport> {
  // Every picture is drawn once: libvips' cache of recent operations would only hold memory (~30 MB at 2,000).
  sharp.cache(false);
  const wanted = await picturesAskedFor(clientDir, baseUrl);
  const brandKey = createHash('sha256')
    .update(JSON.stringify({ DRAWING_VERSION, OG_WIDTH, OG_HEIGHT, ...brand, logoSvg: brand.logoSvg.toString('base64') }))
    .digest('hex');
  mkdirSync(cacheDir, { recursive: true });
  const keep = new Set<string>();
  let drawn = 0;
  const bases = new Map<boolean, Promise<Buffer>>();
  const baseWith = (name: boolean) => bases.get(name) ?? bases.set(name, drawBase(brand, name)).get(name)!;

  const one = async (path: string, key: string, draw: () => Promise<Buffer>) => {
    const cached = join(cacheDir, `${createHash('sha256').update(`${brandKey}\n${key}`).digest('hex')}.png`);
    keep.add(cached);
    const target = join(clientDir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(cached)) return copyFileSync(cached, target);
    const png = await draw();
    drawn++;
    writeFileSync(target, png);
    writeFileSync(cached, png);
  };

  const jobs: [string, string, () => Promise<Buffer>][] = [
    [SITE_OG_IMAGE, 'site', async () => drawPicture(await baseWith(false), brand.siteName)],
    [
      APPLE_TOUCH_ICON,
      'touch-icon',
      () =>
        sharp(brand.logoSvg, { density: 72 * (TOUCH_ICON_SIZE / 32) })
          .resize(TOUCH_ICON_SIZE, TOUCH_ICON_SIZE)
          .flatten({ background: brand.background })
          .png()
          .toBuffer(),
    ],
    ...[...wanted].map(([path, title]): [string, string, () => Promise<Buffer>] => [
      path,
      `article\n${title}`,
      async () => drawPicture(await baseWith(true), title),
    ]),
  ];
  // sharp works on libuv's thread pool: a few pictures at a time keep the cores busy without holding many in memory.
  const lanes = Math.max(2, availableParallelism());
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < jobs.length) {
        const [path, key, draw] = jobs[next++];
        await one(path, key, draw);
      }
    }),
  );
  for (const name of readdirSync(cacheDir)) if (!keep.has(join(cacheDir, name))) rmSync(join(cacheDir, name), { force: true });
  return { pictures: jobs.length, drawn };
}

/** The pictures process's job: writePictures' arguments, the logo as base64 (a Buffer does not pass through the channel as one). */
export interface PicturesJob {
  clientDir: string;
  cacheDir: string;
  baseUrl: string;
  brand: { siteName: string; logoSvgBase64: string; accent: string; background: string };
}

/** writePictures in a process of its own (og-images-process.ts), which has exited when this returns its report. */
export function writePicturesApart(clientDir: string, cacheDir: string, baseUrl: string, brand: Brand): Promise<PictureReport> {
  const { logoSvg, ...rest } = brand;
  const job: PicturesJob = { clientDir, cacheDir, baseUrl, brand: { ...rest, logoSvgBase64: logoSvg.toString('base64') } };
  return runJobApart<PictureReport>(PICTURES_PROCESS, job, 'the pictures step', { MALLOC_ARENA_MAX: MALLOC_ARENAS });
}
