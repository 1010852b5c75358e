import { createHash } from 'node:crypto';

/**
 * The one inline script on every page: it marks the body so the design system's JavaScript-only styles
 * apply before first paint. The Content-Security-Policy allows exactly this script by its hash.
 */
export const JS_ENABLED_SCRIPT =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

export const JS_ENABLED_SCRIPT_HASH = `'sha256-${createHash('sha256').update(JS_ENABLED_SCRIPT).digest('base64')}'`;
