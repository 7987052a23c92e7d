/**
 * The build's pictures step in a process of its own (og-images.ts forks it, it answers and exits): libvips' threads
 * leave glibc's allocator holding memory in many arenas, and the drawing grows a heap; both would otherwise stay in
 * the build's process for the steps after it. The parent starts it with MALLOC_ARENA_MAX set, which glibc reads only
 * when a process starts.
 */
import { writePictures, type PicturesAnswer, type PicturesJob } from './og-images.ts';

if (import.meta.main) {
  process.once('message', ({ clientDir, cacheDir, baseUrl, brand }: PicturesJob) => {
    const { logoSvgBase64, ...rest } = brand;
    writePictures(clientDir, cacheDir, baseUrl, { ...rest, logoSvg: Buffer.from(logoSvgBase64, 'base64') }).then(
      (done) => answer({ done }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function answer(message: PicturesAnswer): void {
  process.send!(message, () => process.disconnect());
}
