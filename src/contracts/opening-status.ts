// GET /api/opening-status: what each service's "open now" line says this minute (src/web/components/live-status).
import { type Static, Type } from 'typebox';

export const openingStatusResponse = Type.Object(
  {
    /** ISO 8601, the minute the answer is for. */
    at: Type.String(),
    /** By service id. */
    statuses: Type.Record(Type.String(), Type.Object({ open: Type.Boolean(), sentence: Type.String() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type OpeningStatusResponse = Static<typeof openingStatusResponse>;
