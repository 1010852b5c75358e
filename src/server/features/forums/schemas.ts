import { type Static, type TObject, type TProperties, Type } from 'typebox';
import { LIMITS } from '../../../domain/forums/limits.ts';

/**
 * The shape and bounds of every forum request. A form's fields are optional strings: what a member typed is bounded
 * here only by the form's body limit, so a too-long or missing answer reaches the handler, which says what is wrong
 * on the form itself (the same words as before). Fields a browser fills in (buttons, boxes, the CSRF token) are
 * bounded tightly; a form that breaks those was not sent by a page of ours and is answered "could not be read".
 */

/** Posts are at most 10,000 characters; percent-encoded UTF-8 can be nine bytes a character, plus the title. */
export const TEXT_BODY_LIMIT = 128 * 1024;
/** A form without free text. */
export const SMALL_FORM_LIMIT = 4096;
export const REPORT_FORM_LIMIT = 8192;
/** Pictures kept from one form: one more than a post may have, so the form can say "up to 4 pictures". */
export const MAX_KEPT_FILES = LIMITS.images.established + 1;
/** Picture parts read at all (the rest of a larger form is refused as too long). */
export const MAX_FILES = 20;
/** With pictures (multipart): the most a post may carry, and the text. */
export const POST_BODY_LIMIT = LIMITS.images.established * LIMITS.imageBytes + TEXT_BODY_LIMIT;

const chosen = (maxLength = 40) => Type.Optional(Type.String({ maxLength }));
const typed = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const csrf = { _csrf: chosen(200) };
const form = <T extends TProperties>(fields: T, options: Record<string, unknown> = {}): TObject<typeof csrf & T> =>
  Type.Object({ ...csrf, ...fields }, options);

export const IdParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,9}$' }) });
export const BoardParams = Type.Object({ board: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }) });
export const MemberParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ImageParams = MemberParams;

/** Pages that take nothing but the address. */
export const NoQuery = Type.Object({});
/** Keysets: `before` on a board is "<last_post_at>.<id>"; a value that is not one is ignored, as a missing one is. */
export const BoardQuery = Type.Object({ before: chosen(64) });
export const TopicQuery = Type.Object({ after: chosen(20), before: chosen(20), last: chosen(20) });
export const PostedQuery = Type.Object({ support: chosen(10) });
/** Longer queries are cut to LIMITS.searchQueryMax, not refused. */
export const SearchQuery = Type.Object({ q: typed(2000) });

/** A picture from the compose form, read into memory by multipart.ts (it is cleaned whole: image-metadata.ts). */
export const UploadedFile = Type.Object({ filename: Type.String({ maxLength: 1024 }), data: Type.Unsafe<Buffer>({}) });
export type UploadedFile = Static<typeof UploadedFile>;

export const CsrfForm = form({});
export const JoinForm = form({ name: typed(SMALL_FORM_LIMIT), agree: chosen(10) });
export const ProfessionalForm = form({ role: chosen(), note: typed(SMALL_FORM_LIMIT) });
export const LeaveForm = form({ confirm: chosen(10) });
export const FollowForm = form({ follow: chosen(10) });
export const ReportForm = form({ reason: chosen(), detail: typed(REPORT_FORM_LIMIT) });
/** A new topic, a reply or a change: urlencoded, or multipart with pictures; `remove-<picture id>` takes one out. */
export const DraftForm = form(
  {
    title: typed(TEXT_BODY_LIMIT),
    body: typed(TEXT_BODY_LIMIT),
    intent: chosen(20),
    detailsConfirmed: chosen(10),
    images: Type.Optional(Type.Array(UploadedFile, { maxItems: MAX_FILES })),
  },
  { patternProperties: { '^remove-': Type.String({ maxLength: 10 }) } },
);

/** GET /forums/me, for the topic page's script. */
export const MeResponse = {
  200: Type.Object({ memberId: Type.String() }),
  401: Type.Object({ error: Type.Literal('signed_out'), message: Type.String() }),
};

// The moderators' forms (moderation-routes.ts), with the same rule: what a moderator typed reaches the handler.
export const MODERATION_FORM_LIMIT = 128 * 1024;
export const ModeratedPostQuery = Type.Object({ done: chosen(20) });
export const DecisionForm = form({
  reason: chosen(),
  message: typed(MODERATION_FORM_LIMIT),
  body: typed(MODERATION_FORM_LIMIT),
  note: typed(MODERATION_FORM_LIMIT),
});
export const StandingForm = form({ action: chosen(20), days: chosen(4), back: typed(SMALL_FORM_LIMIT) });
export const ProfessionalDecisionForm = form({ decision: chosen(10) });
export const FilterForm = form({ kind: chosen(10), pattern: typed(SMALL_FORM_LIMIT) });
