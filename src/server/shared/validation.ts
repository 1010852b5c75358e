import { Ajv } from 'ajv';
import type { FastifyInstance, FastifySchema } from 'fastify';

// Fastify's default Ajv silently strips unknown properties and coerces body types; the contract says
// unknown properties are rejected. Bodies get a strict validator; the URL (always strings) gets one that
// coerces "5" to 5.
const strict = new Ajv({ allErrors: false, removeAdditional: false, coerceTypes: false, useDefaults: false, strict: true });
const coercing = new Ajv({ allErrors: false, removeAdditional: false, coerceTypes: true, useDefaults: true, strict: true });

type HttpPart = 'body' | 'querystring' | 'params' | 'headers' | string | undefined;

export function compile(schema: FastifySchema, httpPart: HttpPart) {
  return (httpPart === 'body' ? strict : coercing).compile(schema as object);
}

export function strictValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => compile(schema, httpPart));
}

/** For a streamed body: its schema only describes it in the OpenAPI document; the handler checks the stream. */
export function streamedBodyValidation({ schema, httpPart }: { schema: FastifySchema; httpPart?: HttpPart }) {
  return httpPart === 'body' ? () => true : compile(schema, httpPart);
}
