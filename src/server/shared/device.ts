import Bowser from 'bowser';

/** "Firefox on Android": enough for a person to recognise their own sign-ins; the user agent is not kept. */
export function roughDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown device';
  try {
    const parser = Bowser.getParser(userAgent.slice(0, 512));
    const browser = parser.getBrowserName() || 'Unknown browser';
    const os = parser.getOSName();
    return (os ? `${browser} on ${os}` : browser).slice(0, 100);
  } catch {
    return 'Unknown device';
  }
}
