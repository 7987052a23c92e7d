/**
 * The largest body we read, but for multipart forms with files (see multipart.ts), checked by us as a body streams
 * in: the adapter's bodySizeLimit is off (astro.config.mjs), since the files' limit is a run-time setting.
 */
export const MAX_BODY_BYTES = 64 * 1024;
