// Files for lessons (a video, a PDF…) and every file of a SCORM package: checked, stored through the project file
// store (one place for bytes on disk), recorded in academy_files.
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { extensionOf, neutraliseFileName } from '../../../core/portal/files.ts';
import type { AcademyFile } from '../../../contract/academy.ts';
import type { Ctx } from '../../context.ts';
import { inspectUpload, readFileStream, writeFileBytes } from '../projects/file-store.ts';
import { UploadRefused } from '../projects/deliverables.service.ts';
import * as repo from './content.repo.ts';

/** A lesson video may be larger than a task file. */
export const MAX_LESSON_FILE_BYTES = 200 * 1024 * 1024;
const VIDEO_TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', mp3: 'audio/mpeg', m4a: 'audio/mp4' };

/** Stores a lesson file: a video or audio file checked by its content, or any file a task may carry (PDF, images, office files…). */
export async function uploadLessonFile(ctx: Ctx, name: string, bytes: Buffer): Promise<AcademyFile> {
  const extension = extensionOf(name);
  let fileName: string;
  let contentType: string;
  if (VIDEO_TYPES[extension]) {
    const sniffed = await fileTypeFromBuffer(bytes);
    const same = sniffed?.ext === extension || (extension === 'm4a' && sniffed?.ext === 'mp4');
    if (!same) throw new UploadRefused(415, `The file is named .${extension} but its content is ${sniffed ? `.${sniffed.ext}` : 'not recognisable'}.`);
    fileName = neutraliseFileName(name);
    contentType = VIDEO_TYPES[extension]!;
  } else {
    const inspected = await inspectUpload(name, bytes);
    if (!inspected.verdict.ok) throw new UploadRefused(inspected.verdict.status, inspected.verdict.message);
    fileName = inspected.fileName;
    contentType = inspected.verdict.mime;
  }
  return storeFile(ctx, fileName, contentType, bytes);
}

export async function storeFile(ctx: Ctx, fileName: string, contentType: string, bytes: Uint8Array): Promise<AcademyFile> {
  const id = randomUUID();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await writeFileBytes(ctx.services, ctx.workspaceId, id, buffer);
  const row = await repo.insertFile(ctx.db, { id, workspaceId: ctx.workspaceId, fileName, contentType, size: bytes.byteLength, sha256: createHash('sha256').update(buffer).digest('hex') });
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size };
}

export const fileStream = (ctx: Ctx, fileId: string) => readFileStream(ctx.services, ctx.workspaceId, fileId);
