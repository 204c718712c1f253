import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { judgeUpload, neutraliseFileName, type UploadVerdict } from '../../../core/portal/files.ts';
import type { Services } from '../../context.ts';

/** Task files live under the data directory, one folder per workspace, named by their id (never by what the uploader called them). */
const fileDir = (services: Services, workspaceId: string) => path.join(services.config.dataDir, 'uploads', workspaceId);

export async function inspectUpload(name: string, bytes: Buffer): Promise<{ fileName: string; verdict: UploadVerdict; sha256: string }> {
  const fileName = neutraliseFileName(name);
  const sniffed = await fileTypeFromBuffer(bytes);
  return {
    fileName,
    verdict: judgeUpload(fileName, bytes.length, sniffed?.ext, bytes),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export async function writeFileBytes(services: Services, workspaceId: string, fileId: string, bytes: Buffer) {
  const dir = fileDir(services, workspaceId);
  await fs.promises.mkdir(dir, { recursive: true });
  // Written under a temporary name and renamed: a reader never sees half a file.
  const target = path.join(dir, fileId);
  await fs.promises.writeFile(`${target}.part`, bytes);
  await fs.promises.rename(`${target}.part`, target);
}

export async function removeFileBytes(services: Services, workspaceId: string, fileId: string) {
  await fs.promises.rm(path.join(fileDir(services, workspaceId), fileId), { force: true });
}

export function readFileStream(services: Services, workspaceId: string, fileId: string) {
  return fs.createReadStream(path.join(fileDir(services, workspaceId), fileId));
}

/** A Content-Disposition that always downloads (never renders inline), with the name in both forms browsers read. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
