import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS } from '../../../domain/forums/limits.ts';
import { MAX_FILES, MAX_KEPT_FILES, TEXT_BODY_LIMIT, type UploadedFile } from './schemas.ts';

export type MultipartFields = Record<string, string | UploadedFile[]>;

/** The compose form's fields: _csrf, title, body, intent, detailsConfirmed and a remove-<id> box per picture. */
const MAX_FIELDS = 30;

/** Thrown for a multipart body that cannot be read (no boundary, a broken part, a field named like a prototype). */
export class UnreadableFormError extends Error {
  readonly statusCode = 400;
  readonly code = 'FORUM_FORM_UNREADABLE';
  constructor(options?: { cause: unknown }) {
    super('The form could not be read.', options);
  }
}

/**
 * The compose form sends pictures as multipart/form-data. @fastify/multipart reads it part by part with every
 * count and size bounded; this turns it into the same fields a urlencoded form has (`images` holds the pictures),
 * before validation, so the routes read either form the same way.
 *
 * A picture over the size limit is cut at one byte over, so the cleaner refuses it with its own message; past
 * MAX_KEPT_FILES a picture is read and dropped, only counted, so the form can say how many a post may have.
 * Anything over the limits on parts, files or fields is 413 (answered "Your post is too long"); a body over the
 * route's limit is refused before it is read.
 */
export async function readMultipartForms(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: LIMITS.imageBytes + 1,
      files: MAX_FILES,
      fields: MAX_FIELDS,
      fieldSize: TEXT_BODY_LIMIT,
      parts: MAX_FILES + MAX_FIELDS,
      headerPairs: 20,
    },
  });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = await readFields(request);
  });
}

async function readFields(request: FastifyRequest): Promise<MultipartFields> {
  const limit = request.routeOptions.bodyLimit ?? TEXT_BODY_LIMIT;
  if (Number(request.headers['content-length']) > limit) throw Object.assign(new Error('Request body is too large'), { statusCode: 413 });
  const fields: MultipartFields = {};
  let files = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const list = Array.isArray(fields[part.fieldname]) ? (fields[part.fieldname] as UploadedFile[]) : [];
      if (files < MAX_KEPT_FILES) {
        const data = await part.toBuffer();
        // A file box left empty sends an empty part.
        if (data.length === 0) continue;
        list.push({ filename: part.filename, data });
      } else {
        let bytes = 0;
        for await (const chunk of part.file) bytes += (chunk as Buffer).length;
        if (bytes === 0) continue;
        list.push({ filename: part.filename, data: Buffer.alloc(0) });
      }
      files += 1;
      fields[part.fieldname] = list;
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw error;
    throw new UnreadableFormError({ cause: error });
  }
  return fields;
}
