// Files as people attach them, for tests.

/** A 1×1 PNG. */
export const PNG: Uint8Array<ArrayBuffer> = new Uint8Array(
  Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e1a7d80000000049454e44ae426082',
    'hex',
  ),
);

/** A web page that would run script if a browser showed it from our origin. */
export const HTML_PAGE = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
