/**
 * A small multipart/form-data reader for the compose form (text fields and up to a few pictures). The whole
 * body is already in memory and bounded by the route's body limit, so no streaming is needed.
 */
export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export type MultipartFields = Record<string, string | UploadedFile[]>;

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartFields | undefined {
  const fields: MultipartFields = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  while (true) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return fields;
    at += 2; // CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', at);
    const next = body.indexOf(delimiter, at);
    if (headerEnd < 0 || next < 0 || headerEnd > next) return undefined;
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const content = body.subarray(headerEnd + 4, next - 2); // CRLF before the next delimiter
    const name = /name="([^"]{1,100})"/i.exec(headers)?.[1];
    const filename = /filename="([^"]{0,300})"/i.exec(headers)?.[1];
    if (name) {
      if (filename !== undefined) {
        if (content.length) {
          const list = Array.isArray(fields[name]) ? (fields[name] as UploadedFile[]) : [];
          list.push({ filename, data: Buffer.from(content) });
          fields[name] = list;
        }
      } else {
        fields[name] = content.toString('utf8');
      }
    }
    at = next;
  }
}
