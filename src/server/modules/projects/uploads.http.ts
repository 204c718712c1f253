// Task files over HTTP, for the staff API and the portal alike: reading one multipart upload, and sending a file
// back always as a download, never rendered in the page, so an uploaded file can never run as this site.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UploadedFile } from '../../../contract/portal.ts';
import { MAX_UPLOAD_BYTES } from '../../../core/portal/files.ts';
import type { Services } from '../../context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { UploadRefused } from './deliverables.service.ts';
import { attachmentHeader, readFileStream } from './file-store.ts';

export const multipartLimits = { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } };

const UploadQuery = z.object({ fieldKey: z.string().max(60).optional() });
export const uploadSchema = { consumes: ['multipart/form-data'], querystring: UploadQuery, response: { 201: UploadedFile } };

/** One uploaded file from a multipart body (field "file"), refused with 413 past the size limit (a task file's unless given), 400 if malformed. */
export async function readUpload(request: FastifyRequest, maxBytes = MAX_UPLOAD_BYTES, what = 'a task file'): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw invalid('Send the file as multipart/form-data, in a field named "file".', { path: ['body', 'file'] });
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw invalid('Attach a file in a field named "file".', { path: ['body', 'file'] });
    // PostgreSQL cannot store a NUL in the name (the JSON hook does not see multipart).
    if (part.filename.includes('\u0000')) throw invalid('The file name cannot contain the NUL character (U+0000).', { path: ['body', 'file'] });
    return { name: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const most = maxBytes >= 1048576 ? `${maxBytes / 1048576} MB` : `${Math.round(maxBytes / 1024)} kB`;
      throw new UploadRefused(413, `The file is larger than ${most}, the most ${what} can be.`);
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) throw error;
    // The parser's own errors ("Unexpected end of form", a missing boundary) are the request's fault.
    request.log.info({ err: error }, 'malformed multipart upload');
    throw invalid('The upload is not a well-formed multipart/form-data body: send the file in a field named "file".', { path: ['body', 'file'] });
  }
}

export function sendFile(reply: FastifyReply, services: Services, workspaceId: string, file: { id: string; fileName: string; contentType: string }) {
  return reply
    .header('content-disposition', attachmentHeader(file.fileName))
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .type(file.contentType)
    .send(readFileStream(services, workspaceId, file.id));
}
