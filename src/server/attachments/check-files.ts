import { defaultLanguage } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';
import { fileSize } from '../../lib/attachment-files.ts';
import { withoutControlCharacters } from '../../lib/control-characters.ts';
import type { NewAttachment } from '../db/attachments.ts';
import type { UploadedFile } from '../http/multipart.ts';
import type { AttachmentSettings } from '../settings.ts';
import { attachmentType } from './attachment-type.ts';

/** The field whose error names the files that were refused. */
export const ATTACHMENTS_FIELD = 'attachments';

export type CheckedFiles = { ok: true; files: NewAttachment[] } | { ok: false; error: string };

/**
 * Each file checked (size, type from its content, a name that agrees), with one message naming every file refused.
 * The name kept is the file's own, without any folder a client sent with it and without control characters. The
 * message is in the words of `words`' language (the default's unless given).
 */
export async function checkFiles(
  upload: { files: UploadedFile[]; tooManyFiles: boolean },
  settings: AttachmentSettings,
  words: Messages = messagesFor(defaultLanguage.code),
): Promise<CheckedFiles> {
  const { t } = words;
  const problems: string[] = [];
  if (upload.tooManyFiles || upload.files.length > settings.maxFiles)
    problems.push(settings.maxFiles === 0 ? t('files.error.none') : t('files.error.too-many', { count: settings.maxFiles }));
  const files: NewAttachment[] = [];
  for (const file of upload.files) {
    const name = safeName(file.name);
    if (file.tooLarge) {
      problems.push(t('files.error.too-large', { name, size: fileSize(settings.maxBytes) }));
      continue;
    }
    if (file.content.length === 0) {
      problems.push(t('files.error.empty', { name }));
      continue;
    }
    const type = await attachmentType(name, file.content, words);
    if (!type.ok) problems.push(type.problem);
    else files.push({ name, contentType: type.contentType, sha256: file.sha256, content: file.content });
  }
  return problems.length > 0 ? { ok: false, error: problems.join(' ') } : { ok: true, files };
}

/** The last part of the name (browsers of old sent whole paths), printable, at most 200 characters. */
export function safeName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = withoutControlCharacters(base).replace(/\s+/g, ' ').trim().slice(-200);
  return clean || 'file';
}

/** The file field's words, as the contact form and the request page show them; undefined when files are off. */
export function fileFieldText(
  settings: AttachmentSettings,
  { t }: Messages = messagesFor(defaultLanguage.code),
): { label: string; hint: string; multiple: boolean } | undefined {
  if (settings.maxFiles === 0) return undefined;
  return {
    label: t('files.label'),
    hint: t('files.hint', { count: settings.maxFiles, size: fileSize(settings.maxBytes), types: t('files.types') }),
    multiple: settings.maxFiles > 1,
  };
}
