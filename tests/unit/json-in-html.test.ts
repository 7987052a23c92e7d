import { describe, expect, it } from 'vitest';
import { jsonInHtml } from '../../src/lib/json-in-html.ts';

describe('jsonInHtml', () => {
  const hostile = {
    name: 'I forgot my password</script><script>alert(1)</script>',
    comment: '<!-- <script> & \u2028\u2029 -->',
  };

  it('cannot end the script element or open a comment, whatever the strings hold', () => {
    const json = jsonInHtml(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(jsonInHtml(hostile))).toEqual(hostile);
    const plain = { '@type': 'BreadcrumbList', position: 1, ok: true, nothing: null };
    expect(jsonInHtml(plain)).toBe(JSON.stringify(plain));
  });
});
