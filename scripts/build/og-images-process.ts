/**
 * The build's pictures step in a process of its own (og-images.ts forks it, it answers and exits): libvips' threads
 * leave glibc's allocator holding memory in many arenas, and the drawing grows a heap; both would otherwise stay in
 * the build's process for the steps after it. The parent starts it with MALLOC_ARENA_MAX set, which glibc reads only
 * when a process starts.
 */
import { answerOneJob } from '../../src/lib/process-job.ts';
import { writePictures, type PicturesJob } from './og-images.ts';

if (import.meta.main) {
  answerOneJob(({ clientDir, cacheDir, baseUrl, brand }: PicturesJob) => {
    const { logoSvgBase64, ...rest } = brand;
    return writePictures(clientDir, cacheDir, baseUrl, { ...rest, logoSvg: Buffer.from(logoSvgBase64, 'base64') });
  });
}
