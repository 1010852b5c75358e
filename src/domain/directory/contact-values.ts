// Checks for the value of each way of getting in touch. Kept apart from the schema so the server can
// reuse them (for example to build tel: links from the digits).

// Short numbers that are whole UK numbers on their own: emergency (999, 112), police non-emergency (101),
// NHS (111), Relay UK's emergency prefix (18000) and the 116 numbers for services of social value.
const SHORT_NUMBERS = /^(?:999|112|101|111|18000|116\d{3})$/;
// A national number has 11 digits starting 0 (never 00, which is international); Ofcom's plan leaves
// 10-digit numbers only in a few 01 areas and on 0800, so a digit dropped elsewhere is caught.
const NATIONAL_NUMBER = /^0[1-9]\d{9}$|^01\d{8}$|^0800\d{6}$/;
// Short codes that only take text messages, such as 70070.
const TEXT_SHORT_CODE = /^\d{5}$/;
const DIGIT_GROUPS = /^\d+(?: \d+)*$/;

/** The digits of a number written with spaces, for comparing and for tel: links. */
export function phoneDigits(value: string): string {
  return value.replace(/ /g, '');
}

/** A UK number written as digits in groups separated by single spaces, e.g. "0808 802 0300" or "116 123". */
export function isUkPhoneNumber(value: string): boolean {
  if (!DIGIT_GROUPS.test(value)) return false;
  const digits = phoneDigits(value);
  return NATIONAL_NUMBER.test(digits) || SHORT_NUMBERS.test(digits);
}

export function isUkTextNumber(value: string): boolean {
  return isUkPhoneNumber(value) || (DIGIT_GROUPS.test(value) && TEXT_SHORT_CODE.test(phoneDigits(value)));
}

// Numbers a service has given up: listing one would send a frightened person to a dead line.
export const RETIRED_NUMBERS: Readonly<Record<string, string>> = {
  '03006360300': "the National Stalking Helpline's retired number; use 0808 802 0300",
};

export function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === '';
}
