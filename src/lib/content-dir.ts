/** Where editors' content lives; the build benchmark points it at a generated corpus. */
export const contentDir = (process.env.CONTENT_DIR ?? './content').replace(/\/+$/, '');
