import { fileTypeFromBuffer } from 'file-type';
import { defaultLanguage } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';

/**
 * What a file is, decided from its content, never from its name or the type the browser claimed: PNG, JPEG, GIF, WebP
 * and PDF by their magic bytes (file-type), plain text when no magic bytes match and the content is text that no
 * browser would run (valid UTF-8, no NUL, no `<html`, `<script` or `<svg`). The name must agree with the content: an
 * HTML file named `.png` is refused. file-type cannot tell HTML from text (it finds neither), hence the text rule.
 */

const BY_MAGIC: Record<string, { type: string; extensions: string[] }> = {
  png: { type: 'image/png', extensions: ['png'] },
  jpg: { type: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { type: 'image/gif', extensions: ['gif'] },
  webp: { type: 'image/webp', extensions: ['webp'] },
  pdf: { type: 'application/pdf', extensions: ['pdf'] },
};
const TEXT = { type: 'text/plain; charset=utf-8', extensions: ['txt', 'log'] };
const MARKUP = /<(?:html|script|svg)/i;

export type AttachmentType = { ok: true; contentType: string } | { ok: false; problem: string };

const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** The problem, when there is one, in the words of `words`' language. */
export async function attachmentType(
  name: string,
  content: Uint8Array,
  { t, locale }: Messages = messagesFor(defaultLanguage.code),
): Promise<AttachmentType> {
  const magic = await fileTypeFromBuffer(content);
  const known = magic ? BY_MAGIC[magic.ext] : isPlainText(content) ? TEXT : undefined;
  if (!known) return { ok: false, problem: t('files.error.type', { name, types: t('files.types') }) };
  if (!known.extensions.includes(extensionOf(name))) {
    const kind = known === TEXT ? t('files.kind.text') : known.extensions[0].toUpperCase();
    const extensions = new Intl.ListFormat(locale, { type: 'disjunction' }).format(known.extensions.map((e) => `.${e}`));
    return { ok: false, problem: t('files.error.name', { name, kind, extensions }) };
  }
  return { ok: true, contentType: known.type };
}

function isPlainText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  return !MARKUP.test(text);
}
