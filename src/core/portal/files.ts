// What customers may upload to a task, and how a file's name is made harmless. Pure.

/** Files larger than this are refused (413). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The accepted extensions and the content each must have. `sniffed` is what content detection must find
 * (file-type's extension); null means a text format, which detection cannot recognise: it must be UTF-8 text.
 * No HTML, SVG, scripts or executables: they could run in a browser or on a machine.
 */
export const UPLOAD_TYPES: Record<string, { mime: string; sniffed: string | null }> = {
  pdf: { mime: 'application/pdf', sniffed: 'pdf' },
  png: { mime: 'image/png', sniffed: 'png' },
  jpg: { mime: 'image/jpeg', sniffed: 'jpg' },
  jpeg: { mime: 'image/jpeg', sniffed: 'jpg' },
  gif: { mime: 'image/gif', sniffed: 'gif' },
  webp: { mime: 'image/webp', sniffed: 'webp' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sniffed: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sniffed: 'xlsx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', sniffed: 'pptx' },
  zip: { mime: 'application/zip', sniffed: 'zip' },
  csv: { mime: 'text/csv; charset=utf-8', sniffed: null },
  txt: { mime: 'text/plain; charset=utf-8', sniffed: null },
};

export const extensionOf = (name: string): string => {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
};

/**
 * A file name safe to store and to send back in a Content-Disposition header: no path, no control or
 * shell-special characters, no leading dots, at most 120 characters, its extension kept.
 */
export function neutraliseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"|?*;`$&'{}[\]%#]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_]+/, '')
    .trim();
  const extension = extensionOf(cleaned);
  const stem = extension ? cleaned.slice(0, -(extension.length + 1)) : cleaned;
  const shortStem = stem.slice(0, 120 - extension.length - 1).trim() || 'file';
  return extension ? `${shortStem}.${extension}` : shortStem;
}

/** Text formats must be UTF-8 without NUL bytes (a binary renamed .txt is refused). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type UploadVerdict =
  | { ok: true; mime: string; extension: string }
  | { ok: false; status: 413 | 415; message: string };

/** Decides whether an upload may be kept, from its name, size and what its content was detected as. */
export function judgeUpload(name: string, size: number, sniffedExtension: string | undefined, bytes: Uint8Array): UploadVerdict {
  if (size > MAX_UPLOAD_BYTES) {
    return { ok: false, status: 413, message: `The file is ${(size / 1048576).toFixed(1)} MB; files can be at most ${MAX_UPLOAD_BYTES / 1048576} MB.` };
  }
  const extension = extensionOf(name);
  const allowed = UPLOAD_TYPES[extension];
  const list = Object.keys(UPLOAD_TYPES).join(', ');
  if (!allowed) return { ok: false, status: 415, message: `Files of type ".${extension || '?'}" are not accepted. Accepted: ${list}.` };
  if (allowed.sniffed === null) {
    if (sniffedExtension || !looksLikeText(bytes)) {
      return { ok: false, status: 415, message: `The file is named .${extension} but its content is not plain text.` };
    }
  } else if (sniffedExtension !== allowed.sniffed && !(allowed.sniffed === 'zip' && ['docx', 'xlsx', 'pptx'].includes(sniffedExtension ?? ''))) {
    return {
      ok: false,
      status: 415,
      message: `The file is named .${extension} but its content is ${sniffedExtension ? `.${sniffedExtension}` : 'not recognisable'}: rename it or upload the right file.`,
    };
  }
  return { ok: true, mime: allowed.mime, extension };
}
