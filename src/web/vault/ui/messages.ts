import { HttpError } from '../../http/http-client.ts';
import { plural, t } from '../i18n/i18n.ts';

/** A sentence for the person from any failure: the API's own message when it has one (a network failure has one too). */
export function describeFailure(error: unknown, fallback = t('common.somethingWrong')): string {
  if (error instanceof HttpError) {
    if (error.code === 'locked') {
      const seconds = Number(error.body.retryAfterSeconds);
      if (Number.isFinite(seconds) && seconds > 0) {
        const minutes = Math.ceil(seconds / 60);
        return plural('common.tooManyMinutes', minutes);
      }
      return t('common.tooMany');
    }
    return error.message || fallback;
  }
  return fallback;
}

export { formatDateTime } from '../i18n/dates.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural('common.bytes', bytes);
  if (bytes < 1024 * 1024) return t('common.kilobytes', { size: Math.round(bytes / 1024) });
  return t('common.megabytes', { size: (bytes / (1024 * 1024)).toFixed(1) });
}
