import { fill } from '../../../domain/messages/fill.ts';
import { describeOpeningNowCy } from '../../../domain/opening-hours/describe-cy.ts';
import { describeOpeningNow, formatClockMinutes, isOpenAt, NATIONAL_STALKING_HELPLINE_HOURS } from '../../../domain/opening-hours/index.ts';

/** When the person can expect a reply, in the page's words, from the helpline's hours (FACTS.md) and the engine. */
export interface ReplyHours {
  open: boolean;
  /** "We are answering messages now, until 4pm." / "We are not answering messages now. Next replies from Wednesday at 1pm." */
  now: string;
  /** "We reply 9:30am to 4pm on weekdays, 1pm to 4pm on Wednesdays. Not at weekends or on bank holidays." */
  usual: string;
}

const weekly = NATIONAL_STALKING_HELPLINE_HOURS.weekly!;
const span = (day: 'mon' | 'wed') =>
  weekly[day]!.map((s) => `${formatClockMinutes(minutes(s.opens))} to ${formatClockMinutes(minutes(s.closes))}`).join(' and ');
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const USUAL_REPLY_HOURS = `We reply ${span('mon')} on weekdays, ${span('wed')} on Wednesdays. Not at weekends or on bank holidays.`;

/** The Welsh words of the `talk` catalogue's `hours`, each a whole sentence with {holes}. */
export interface ReplyHoursWords {
  open: string;
  closed: string;
  usual: string;
  span: string;
}

/**
 * The same in Welsh: the Welsh "open now" sentence ("Ar agor nawr tan 16:00", "Ar gau — yn agor ddydd Mercher am
 * 13:00") inside the catalogue's sentence, and the usual hours on the 24-hour clock, as describeOpeningNowCy says them.
 */
export function replyHoursCy(now: number, words: ReplyHoursWords): ReplyHours {
  const open = isOpenAt(NATIONAL_STALKING_HELPLINE_HOURS, now);
  const sentence = describeOpeningNowCy(NATIONAL_STALKING_HELPLINE_HOURS, now);
  const spanCy = (day: 'mon' | 'wed') => weekly[day]!.map((s) => fill(words.span, { opens: s.opens, closes: s.closes })).join(' a ');
  return {
    open,
    now: fill(open ? words.open : words.closed, { sentence }),
    usual: fill(words.usual, { weekdays: spanCy('mon'), wednesdays: spanCy('wed') }),
  };
}

export function replyHours(now: number): ReplyHours {
  const open = isOpenAt(NATIONAL_STALKING_HELPLINE_HOURS, now);
  // The engine's own sentence ("Open now until 4pm", "Closed — opens Wednesday at 1pm") recast for messages.
  const sentence = describeOpeningNow(NATIONAL_STALKING_HELPLINE_HOURS, now);
  let text: string;
  if (open) text = `We are answering messages now, ${sentence.replace(/^Open now /, '')}.`;
  else {
    const opens = /opens (.+)$/.exec(sentence)?.[1];
    text = opens
      ? `We are not answering messages now. Next replies from ${opens}.`
      : 'We are not answering messages now. We will reply when the helpline is next open.';
  }
  return { open, now: text, usual: USUAL_REPLY_HOURS };
}
