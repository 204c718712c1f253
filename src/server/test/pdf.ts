// Reading back a PDF that Landfall wrote (pdfkit), for tests: its pages, its images and its text. Not a general PDF
// parser: it reads the plain object syntax and FlateDecode streams pdfkit writes, which is all a test needs to check.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

export interface PdfStructure {
  pageCount: number;
  /** Image XObjects: their pixel sizes. */
  images: { width: number; height: number }[];
  /** The text shown on the pages, in drawing order, words as they were drawn. */
  text: string;
}

export function readPdf(bytes: Buffer): PdfStructure {
  const latin = bytes.toString('latin1');
  if (!latin.startsWith('%PDF-') || !latin.trimEnd().endsWith('%%EOF')) throw new Error('not a whole PDF file');
  const pageCount = [...latin.matchAll(/\/Type \/Page\b(?!s)/g)].length;
  const images = [...latin.matchAll(/<<([^]*?)>>\s*stream/g)]
    .map((match) => match[1]!)
    .filter((dict) => /\/Subtype \/Image/.test(dict))
    .map((dict) => ({ width: Number(/\/Width (\d+)/.exec(dict)?.[1]), height: Number(/\/Height (\d+)/.exec(dict)?.[1]) }));
  const texts: string[] = [];
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = streamPattern.exec(latin); match; match = streamPattern.exec(latin)) {
    const dict = match[1]!;
    if (/\/Subtype \/Image/.test(dict)) continue;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = match.index + match[0].length;
    const raw = bytes.subarray(start, start + length);
    let content: string;
    try {
      content = (/\/FlateDecode/.test(dict) ? inflateSync(raw) : raw).toString('latin1');
    } catch {
      continue;
    }
    // Text pdfkit draws: [<hex> kerning <hex> …] TJ, in the font's single-byte encoding.
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      texts.push([...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return { pageCount, images, text: texts.join(' ') };
}

/** A small PNG of one colour (RGB), for tests that upload an image. */
export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3]!)]);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
