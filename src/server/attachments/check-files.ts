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
 * The name kept is the file's own, without any folder a client sent with it and without control characters.
 */
export async function checkFiles(
  upload: { files: UploadedFile[]; tooManyFiles: boolean },
  settings: AttachmentSettings,
): Promise<CheckedFiles> {
  const problems: string[] = [];
  if (upload.tooManyFiles || upload.files.length > settings.maxFiles)
    problems.push(
      settings.maxFiles === 0
        ? 'Files cannot be attached here.'
        : `Attach at most ${settings.maxFiles} file${settings.maxFiles === 1 ? '' : 's'}.`,
    );
  const files: NewAttachment[] = [];
  for (const file of upload.files) {
    const name = safeName(file.name);
    if (file.tooLarge) {
      problems.push(`“${name}” is larger than ${fileSize(settings.maxBytes)}: send a smaller file.`);
      continue;
    }
    if (file.content.length === 0) {
      problems.push(`“${name}” is empty.`);
      continue;
    }
    const type = await attachmentType(name, file.content);
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
