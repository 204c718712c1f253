import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';

/** Streams rows as a CSV download (RFC 4180, CRLF, a BOM so spreadsheets read UTF-8). */
export function sendCsv(reply: FastifyReply, fileName: string, rows: AsyncIterable<string[]>) {
  return reply
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .type('text/csv; charset=utf-8')
    .send(Readable.from(rows).pipe(stringify({ bom: true, record_delimiter: 'windows' })));
}
