// SCORM packages: import a zip (refusing what is not one, has no manifest, climbs out of itself or inflates past
// the limit), keep each file in the file store, and serve them to the contacts enrolled in the course.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { readManifest, safeEntryPath, ScormRefused } from '../../../core/academy/scorm.ts';
import type { Course } from '../../../contract/academy.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { UploadRefused } from '../projects/deliverables.service.ts';
import { createCourse, getCourse } from './content.service.ts';
import * as repo from './content.repo.ts';
import { fileStream, storeFile } from './files.service.ts';
import type { FastifyReply } from 'fastify';

/**
 * SCORM content, served to the enrolled contact from the portal's own origin under /portal/academy/scorm/:lessonId/… (and to staff
 * previewing it under /api/v1/academy/lessons/:lessonId/scorm-preview/…).
 * The SCO must run as HTML in an iframe and find scorm-again's API on its parent window, which needs same-origin
 * scripting: so the sandbox allows scripts and same-origin (and forms and popups, which SCOs use) but not top
 * navigation, downloads or plugins, and only this site may frame it. Packages come from the education team (staff),
 * never from customers.
 */
export const SCORM_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  'sandbox allow-scripts allow-same-origin allow-forms allow-popups',
].join('; ');

export const MAX_SCORM_ZIP_BYTES = 100 * 1024 * 1024;
export interface ScormLimits {
  /** The most the package's files may add up to once unzipped: past it, a zip bomb. */
  maxUnzippedBytes: number;
  maxEntries: number;
}
export const SCORM_LIMITS: ScormLimits = { maxUnzippedBytes: 500 * 1024 * 1024, maxEntries: 10_000 };

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', htm: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8', json: 'application/json', xml: 'application/xml', xsd: 'application/xml', txt: 'text/plain; charset=utf-8',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp', ico: 'image/x-icon',
  mp4: 'video/mp4', webm: 'video/webm', mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', vtt: 'text/vtt',
  woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf', pdf: 'application/pdf', swf: 'application/octet-stream',
};
const contentTypeOf = (path: string) => CONTENT_TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';

const refuse = (message: string) => invalid(`The SCORM package was refused: ${message}.`, { path: ['body', 'file'] });

/** The package's files, checked, before anything is written. */
export function unpackScorm(bytes: Uint8Array, limits: ScormLimits = SCORM_LIMITS) {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || (bytes[2] !== 0x03 && bytes[2] !== 0x05)) throw refuse('it is not a zip file');
  let declared = 0;
  let entries = 0;
  const check = (file: UnzipFileInfo) => {
    safeEntryPath(file.name);
    entries += 1;
    declared += file.originalSize;
    if (entries > limits.maxEntries) throw new ScormRefused(`it has more than ${limits.maxEntries} files`);
    if (declared > limits.maxUnzippedBytes) throw new ScormRefused(`it unzips to more than ${Math.round(limits.maxUnzippedBytes / 1048576)} MB (the most a package may hold)`);
    return !file.name.endsWith('/');
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: check });
  } catch (error) {
    if (error instanceof ScormRefused) throw refuse(error.message);
    throw refuse('it is not a readable zip file');
  }
  const byPath = new Map<string, Uint8Array>();
  let total = 0;
  for (const [name, content] of Object.entries(files)) {
    total += content.byteLength;
    if (total > limits.maxUnzippedBytes) throw refuse(`it unzips to more than ${Math.round(limits.maxUnzippedBytes / 1048576)} MB`);
    const path = safeEntryPath(name);
    if (path) byPath.set(path, content);
  }
  const manifestBytes = byPath.get('imsmanifest.xml');
  if (!manifestBytes) throw refuse('it has no imsmanifest.xml at its root, so it is not a SCORM package');
  let manifest;
  try {
    manifest = readManifest(new TextDecoder().decode(manifestBytes));
  } catch (error) {
    if (error instanceof ScormRefused) throw refuse(error.message);
    throw error;
  }
  const launchFile = manifest.launchHref.split('?')[0]!;
  if (!byPath.has(launchFile)) throw refuse(`its manifest launches ${launchFile}, which is not in the package`);
  return { manifest, files: byPath, totalSize: total };
}

/** Imports a SCORM 1.2 or 2004 zip as a new course with one SCORM lesson. */
export async function importScormCourse(ctx: Ctx, name: string, bytes: Buffer, limits: ScormLimits = SCORM_LIMITS): Promise<Course> {
  if (bytes.length > MAX_SCORM_ZIP_BYTES) throw new UploadRefused(413, `The package is larger than ${MAX_SCORM_ZIP_BYTES / 1048576} MB.`);
  const { manifest, files, totalSize } = unpackScorm(bytes, limits);
  // Files first (a failure leaves only unreferenced bytes), then the rows, together.
  const stored: { path: string; contentType: string; file: { id: string } }[] = [];
  for (const [path, content] of files) stored.push({ path, contentType: contentTypeOf(path), file: await storeFile(ctx, path.split('/').pop()!.slice(0, 120), contentTypeOf(path), content) });
  return inTransaction(ctx, async (tx) => {
    const pkg = await repo.insertPackage(tx.db, { workspaceId: tx.workspaceId, version: manifest.version, launchHref: manifest.launchHref, title: manifest.title, fileCount: files.size, totalSize });
    await repo.insertPackageFiles(tx.db, stored.map((s) => ({ workspaceId: tx.workspaceId, packageId: pkg.id, path: s.path, fileId: s.file.id, contentType: s.contentType })));
    const title = manifest.title === 'SCORM course' ? name.replace(/\.zip$/i, '').slice(0, 200) || manifest.title : manifest.title;
    const course = await createCourse(tx, { title, summary: '', product: null, modules: [], estimatedMinutes: null }, 'scorm');
    await repo.insertLesson(tx.db, { workspaceId: tx.workspaceId, courseId: course.id, position: 0, title, kind: 'scorm', content: { kind: 'scorm', packageId: pkg.id } });
    return getCourse(tx, course.id);
  });
}

/** The SCORM lesson and its package, or 404. */
export async function scormLesson(ctx: Ctx, lessonId: string) {
  const lesson = await repo.findLesson(ctx.db, ctx.workspaceId, lessonId);
  const content = lesson?.content as { kind: string; packageId?: string } | undefined;
  if (!lesson || content?.kind !== 'scorm' || !content.packageId) throw notFound('SCORM lesson');
  const [pkg] = await repo.packagesByIds(ctx.db, ctx.workspaceId, [content.packageId]);
  if (!pkg) throw notFound('SCORM lesson');
  return { lesson, pkg };
}

/** One file of a lesson's package (the caller has checked the contact may see the lesson). */
export async function packageFile(ctx: Ctx, packageId: string, requested: string) {
  let path: string;
  try {
    path = safeEntryPath(decodeURIComponent(requested));
  } catch {
    throw new AppError('not_found', 'There is no such file in this course.');
  }
  const file = await repo.findPackageFile(ctx.db, ctx.workspaceId, packageId, path);
  if (!file) throw new AppError('not_found', 'There is no such file in this course.');
  return file;
}

/**
 * What the course editor's preview needs to play a SCORM lesson as the learner would, without recording anything:
 * the package's version and where its launch file is served to staff. (The preview's runtime has no commit URL.)
 */
export async function scormPreview(ctx: Ctx, courseId: string, lessonId: string) {
  const { lesson, pkg } = await scormLesson(ctx, lessonId);
  if (lesson.courseId !== courseId) throw notFound('SCORM lesson');
  return { version: pkg.version as '1.2' | '2004', launchUrl: `/api/v1/academy/lessons/${lessonId}/scorm-preview/${pkg.launchHref}` };
}

/** One file of a SCORM lesson's package, for staff previewing it. */
export async function scormPreviewFile(ctx: Ctx, lessonId: string, path: string) {
  const { pkg } = await scormLesson(ctx, lessonId);
  return packageFile(ctx, pkg.id, path);
}

/** Sends one file of a SCORM package as the SCO's frame needs it: in the sandbox, framed by this site only. */
export function sendScormFile(reply: FastifyReply, ctx: Ctx, file: { fileId: string; contentType: string }) {
  return reply
    .header('content-security-policy', SCORM_CSP)
    .header('x-frame-options', 'SAMEORIGIN')
    .header('cache-control', 'private, max-age=300')
    .type(file.contentType)
    .send(fileStream(ctx, file.fileId));
}
