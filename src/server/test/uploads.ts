// Uploads as a browser sends them, for tests that post files (logos, task files, SCORM packages, CSV imports).

/** A multipart/form-data body with one file in the field "file". */
export function multipartBody(fileName: string, bytes: Uint8Array, contentType = 'application/octet-stream') {
  const boundary = `----landfall${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
