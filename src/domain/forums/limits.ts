/**
 * The forums' limits, in one place so the server, the pages that explain them and the tests agree. A member is
 * "new" until moderators have approved a few of their posts and some days have passed: a stalker who joins to
 * post or to read gets less reach, and is seen by a moderator before anyone else sees them.
 */
export const LIMITS = {
  titleMin: 5,
  titleMax: 120,
  bodyMin: 2,
  bodyMax: 10_000,
  /** Links and images per post, for new and for established members. */
  links: { new: 1, established: 10 },
  images: { new: 0, established: 4 },
  imageBytes: 5 * 1024 * 1024,
  imagePixels: 4096,
  /** Posts (topics and replies) per window. */
  posts: { new: { perTenMinutes: 3, perDay: 15 }, established: { perTenMinutes: 15, perDay: 200 } },
  flagsPerDay: 30,
  flagReasonMax: 500,
  /** First posts held for a moderator, until this many have been approved. */
  heldUntilApproved: 2,
  newForDays: 7,
  replyPageSize: 25,
  topicPageSize: 30,
  searchQueryMax: 100,
  removalReasonMax: 1000,
} as const;

export interface MemberStanding {
  joinedAt: number;
  approvedPosts: number;
}

const DAY = 24 * 60 * 60_000;

export function isNewMember(member: MemberStanding, now: number): boolean {
  return member.approvedPosts < LIMITS.heldUntilApproved || now - member.joinedAt < LIMITS.newForDays * DAY;
}

/** Whether the member's next post waits for a moderator. */
export function mustHoldForApproval(member: MemberStanding): boolean {
  return member.approvedPosts < LIMITS.heldUntilApproved;
}

export interface RecentPosts {
  lastTenMinutes: number;
  lastDay: number;
}

/** Seconds to wait before posting again, or 0. */
export function postingWait(member: MemberStanding, recent: RecentPosts, now: number): { allowed: boolean; reason?: string } {
  const limits = isNewMember(member, now) ? LIMITS.posts.new : LIMITS.posts.established;
  if (recent.lastTenMinutes >= limits.perTenMinutes) {
    return {
      allowed: false,
      reason: `You can post ${limits.perTenMinutes} times in 10 minutes. Please wait a few minutes, then try again.`,
    };
  }
  if (recent.lastDay >= limits.perDay) {
    return { allowed: false, reason: `You can post ${limits.perDay} times a day. Please try again tomorrow.` };
  }
  return { allowed: true };
}

export interface PostInput {
  title?: string | undefined;
  body: string;
  linkCount: number;
  imageCount: number;
}

export interface FieldError {
  field: 'title' | 'body' | 'images';
  message: string;
}

/** Length, link and image limits, as messages a member can act on. */
export function checkPostLimits(input: PostInput, member: MemberStanding, now: number): FieldError[] {
  const errors: FieldError[] = [];
  const established = !isNewMember(member, now);
  if (input.title !== undefined) {
    const title = input.title.trim();
    if (title.length < LIMITS.titleMin) errors.push({ field: 'title', message: `Enter a title of at least ${LIMITS.titleMin} characters` });
    else if (title.length > LIMITS.titleMax)
      errors.push({ field: 'title', message: `Title must be ${LIMITS.titleMax} characters or fewer` });
  }
  const body = input.body.trim();
  if (body.length < LIMITS.bodyMin) errors.push({ field: 'body', message: 'Enter your message' });
  else if (body.length > LIMITS.bodyMax) {
    errors.push({
      field: 'body',
      message: `Your message must be ${LIMITS.bodyMax.toLocaleString('en-GB')} characters or fewer (it has ${body.length.toLocaleString('en-GB')})`,
    });
  }
  const maxLinks = established ? LIMITS.links.established : LIMITS.links.new;
  if (input.linkCount > maxLinks) {
    errors.push({
      field: 'body',
      message: established
        ? `A post can have up to ${maxLinks} links`
        : `New members can add ${maxLinks} link to a post. Remove ${input.linkCount - maxLinks} of them`,
    });
  }
  const maxImages = established ? LIMITS.images.established : LIMITS.images.new;
  if (input.imageCount > maxImages) {
    errors.push({
      field: 'images',
      message: maxImages === 0 ? 'New members cannot add pictures yet' : `A post can have up to ${maxImages} pictures`,
    });
  }
  return errors;
}
