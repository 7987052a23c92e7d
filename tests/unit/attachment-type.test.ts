import { describe, expect, it } from 'vitest';
import { attachmentType } from '../../src/server/attachments/attachment-type.ts';
import { safeName } from '../../src/server/attachments/check-files.ts';
import { HTML_PAGE, PNG } from '../support/files.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const PDF = bytes('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');

describe('what a file is, from its content', () => {
  it('takes PNG and PDF by their magic bytes when the name agrees, and text named .txt or .log', async () => {
    expect(await attachmentType('screen.PNG', PNG)).toEqual({ ok: true, contentType: 'image/png' });
    expect(await attachmentType('invoice.pdf', PDF)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(await attachmentType('server.log', bytes('GET / 502\nretrying…\n'))).toEqual({
      ok: true,
      contentType: 'text/plain; charset=utf-8',
    });
  });

  it('refuses a name that disagrees with the content', async () => {
    expect(await attachmentType('screen.jpg', PNG)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('“screen.jpg” holds PNG'),
    });
    expect(await attachmentType('notes.pdf', bytes('just words'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('holds text'),
    });
  });

  it('refuses markup, NUL bytes and invalid UTF-8 whatever the name', async () => {
    for (const [name, content] of [
      ['page.png', bytes(HTML_PAGE)],
      ['page.txt', bytes(HTML_PAGE)],
      ['icon.txt', bytes('<svg onload="alert(1)"/>')],
      ['x.log', bytes('a <SCRIPT>b</script>')],
      ['nul.txt', new Uint8Array([0x61, 0x00, 0x62])],
      ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])],
    ] as const) {
      expect(await attachmentType(name, content), name).toMatchObject({
        ok: false,
        problem: expect.stringContaining(`“${name}” is not a file we accept`),
      });
    }
  });
});

describe('the name kept', () => {
  it('drops folders and control characters', () => {
    expect(safeName('C:\\Users\\ada\\screen.png')).toBe('screen.png');
    expect(safeName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(safeName('bad\r\nname\u0000.txt')).toBe('bad name .txt');
    expect(safeName('   ')).toBe('file');
  });
});
