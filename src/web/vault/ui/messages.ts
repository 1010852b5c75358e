import { HttpError } from '../../http/http-client.ts';

/** A sentence for the person from any failure: the API's own message when it has one (a network failure has one too). */
export function describeFailure(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (error instanceof HttpError) {
    if (error.code === 'locked') {
      const seconds = Number(error.body.retryAfterSeconds);
      if (Number.isFinite(seconds) && seconds > 0) {
        const minutes = Math.ceil(seconds / 60);
        return `Too many attempts. For your safety, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
      }
      return 'Too many attempts. For your safety, wait a while and try again.';
    }
    return error.message || fallback;
  }
  return fallback;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', hourCycle: 'h12' });

/** "3 May 2025 at 2:05pm" (with seconds, "2:05:09pm"), in the device's time zone. */
export function formatDateTime(at: number | string, { seconds = false } = {}): string {
  const parts = dateTime.formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${seconds ? `:${get('second')}` : ''}${get('dayPeriod').toLowerCase().replace(/\s|\./g, '')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
