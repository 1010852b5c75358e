import { describeOpeningNow, describeOpeningNowCy, isOpenAt } from '../../../domain/opening-hours/index.ts';
import type { DirectoryStore } from '../directory/index.ts';

export interface LiveStatus {
  id: string;
  name: string;
  open: boolean;
  /** "Open now until 4pm", "Closed — opens Wednesday at 1pm" … */
  sentence: string;
  /** The same in Welsh: "Ar agor nawr tan 16:00", "Ar gau — yn agor ddydd Mercher am 13:00" … */
  sentenceCy: string;
}

export interface OpeningStatusService {
  /** Every service that publishes hours, as of `now`; computed once a minute. */
  all(now: number): ReadonlyMap<string, LiveStatus>;
  of(id: string, now: number): LiveStatus | undefined;
  /** Changes exactly when any line would read differently: the key for re-rendering cached pages. */
  version(now: number): string;
}

/** "Open now" for every service in the directory, from the hours engine, cached to the minute. */
export function createOpeningStatus(directory: DirectoryStore): OpeningStatusService {
  let minute = -1;
  let statuses = new Map<string, LiveStatus>();
  let version = '';
  const all = (now: number) => {
    const thisMinute = Math.floor(now / 60_000);
    if (thisMinute !== minute) {
      statuses = new Map(
        directory.entries.flatMap((entry) =>
          entry.hours
            ? [
                [
                  entry.id,
                  {
                    id: entry.id,
                    name: entry.name,
                    open: isOpenAt(entry.hours, now),
                    sentence: describeOpeningNow(entry.hours, now),
                    sentenceCy: describeOpeningNowCy(entry.hours, now),
                  },
                ] as const,
              ]
            : [],
        ),
      );
      version = [...statuses.values()].map((s) => `${s.id}:${s.open}:${s.sentence}:${s.sentenceCy}`).join('|');
      minute = thisMinute;
    }
    return statuses;
  };
  return {
    all,
    of: (id, now) => all(now).get(id),
    version: (now) => {
      all(now);
      return version;
    },
  };
}
