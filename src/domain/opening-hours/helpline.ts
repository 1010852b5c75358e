import type { OpeningHours } from './model.ts';

const MORNING_TO_FOUR = [{ opens: '09:30', closes: '16:00' }];

/**
 * The National Stalking Helpline (Suzy Lamplugh Trust, 0808 802 0300): 09:30–16:00 on weekdays except
 * Wednesday, when it opens at 13:00; closed at weekends and on bank holidays. Source: shared/FACTS.md, checked
 * against suzylamplugh.org. The helpline is based in England, so it follows the England and Wales bank holidays.
 */
export const NATIONAL_STALKING_HELPLINE_HOURS: OpeningHours = {
  weekly: {
    mon: MORNING_TO_FOUR,
    tue: MORNING_TO_FOUR,
    wed: [{ opens: '13:00', closes: '16:00' }],
    thu: MORNING_TO_FOUR,
    fri: MORNING_TO_FOUR,
  },
  closedOnBankHolidaysOf: 'england-and-wales',
};
