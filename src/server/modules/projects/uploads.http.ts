// Task files over HTTP, for the staff API and the portal alike: reading one multipart upload, and sending a file
// back always as a download, never rendered in the page, so an uploaded file can never run as this site.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { UploadedFile } from '../../../contract/portal.ts';
import { MAX_UPLOAD_BYTES } from '../../../core/portal/files.ts';
import type { Services } from '../../context.ts';
import { invalid } from '../../http/errors.ts';
import { UploadRefused } from './deliverables.service.ts';
import { attachmentHeader, readFileStream } from './file-store.ts';

export const multipartLimits = { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } };

const UploadQuery = z.object({ fieldKey: z.string().max(60).optional() });
export const uploadSchema = { consumes: ['multipart/form-data'], querystring: UploadQuery, response: { 201: UploadedFile } };

/** One uploaded file from a multipart body (field "file"), refused with 413 past the size limit. */
export async function readUpload(request: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart()) throw invalid('Send the file as multipart/form-data, in a field named "file".', { path: ['body', 'file'] });
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part) throw invalid('Attach a file in a field named "file".', { path: ['body', 'file'] });
  try {
    return { name: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new UploadRefused(413, `The file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB, the most a task file can be.`);
    }
    throw error;
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
