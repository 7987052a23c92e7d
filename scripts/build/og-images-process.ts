/**
 * The build's pictures step in a process of its own (og-images.ts forks it, it answers and exits): libvips' threads
 * leave glibc's allocator holding memory in many arenas, and the drawing grows a heap; both would otherwise stay in
 * the build's process for the steps after it. The parent starts it with MALLOC_ARENA_MAX set, which glibc reads only
 * when a process starts.
 */
import type { PictureReport } from './og-images.ts';

/** The job: writePictures' arguments, the logo as base64 (a Buffer does not pass through the channel as one). */
export interface PicturesJob {
  clientDir: string;
  cacheDir: string;
  baseUrl: string;
  brand: { siteName: string; logoSvgBase64: string; accent: string; background: string };
}

/** This process's answer, or why it failed. */
export type PicturesAnswer = { done: PictureReport } | { error: string };

if (import.meta.main) {
  process.once('message', ({ clientDir, cacheDir, baseUrl, brand }: PicturesJob) => {
    const { logoSvgBase64, ...rest } = brand;
    import('./og-images.ts')
      .then(({ writePictures }) => writePictures(clientDir, cacheDir, baseUrl, { ...rest, logoSvg: Buffer.from(logoSvgBase64, 'base64') }))
      .then(
        (done) => answer({ done }),
        (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

function answer(message: PicturesAnswer): void {
  process.send!(message, () => process.disconnect());
}
