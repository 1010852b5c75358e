import { LIMITS } from './model.ts';

/** What a professional types to book a place; contact is a work email or a phone number, at least one. */
export interface BookingInput {
  name: string;
  organisation: string;
  role: string;
  email: string;
  phone: string;
  accessNeeds: string;
}

export interface FieldError {
  field: keyof BookingInput;
  text: string;
}

export const BOOKING_FIELDS = ['name', 'organisation', 'role', 'email', 'phone', 'accessNeeds'] as const;

/** One address, no display name: something@domain.tld, no spaces or angle brackets. */
const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9 ()-]+$/;

export function isEmail(value: string): boolean {
  return value.length <= LIMITS.email && EMAIL.test(value);
}

export function isPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return value.length <= LIMITS.phone && PHONE.test(value) && digits >= 10 && digits <= 15;
}

/** Trimmed values (inner runs of white space kept), and every problem in the order of the form's fields. */
export function checkBooking(raw: Partial<Record<keyof BookingInput, unknown>>): { values: BookingInput; errors: FieldError[] } {
  const get = (k: keyof BookingInput) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  const values: BookingInput = {
    name: get('name'),
    organisation: get('organisation'),
    role: get('role'),
    email: get('email'),
    phone: get('phone'),
    accessNeeds: get('accessNeeds'),
  };
  const errors: FieldError[] = [];
  const required = (field: keyof BookingInput, what: string, max: number) => {
    if (!values[field]) errors.push({ field, text: `Enter your ${what}` });
    else if (values[field].length > max) errors.push({ field, text: `Your ${what} must be ${max} characters or fewer` });
  };
  required('name', 'name', LIMITS.name);
  required('organisation', 'organisation', LIMITS.organisation);
  required('role', 'job title or role', LIMITS.role);
  if (!values.email && !values.phone) {
    errors.push({ field: 'email', text: 'Enter a work email address or a work phone number, so we can tell you if the event changes' });
  }
  if (values.email && !isEmail(values.email)) {
    errors.push({
      field: 'email',
      text:
        values.email.length > LIMITS.email
          ? `The email address must be ${LIMITS.email} characters or fewer`
          : 'Enter an email address in the right format, like name@example.org',
    });
  }
  if (values.phone && !isPhone(values.phone))
    errors.push({ field: 'phone', text: 'Enter a phone number, like 020 7946 0000 or +44 20 7946 0000' });
  if (values.accessNeeds.length > LIMITS.accessNeeds)
    errors.push({ field: 'accessNeeds', text: `Access needs must be ${LIMITS.accessNeeds} characters or fewer` });
  return { values, errors };
}
