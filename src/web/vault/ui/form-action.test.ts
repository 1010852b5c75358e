import { describe, expect, it } from 'vitest';
import { HttpError } from '../../http/http-client.ts';
import { failureError } from './form-action.ts';

describe('failureError', () => {
  it('links the failure to the field and uses the API’s own words when it has them', () => {
    expect(failureError(new Error('boom'), 'note-text', 'Could not save.')).toEqual({ href: '#note-text', text: 'Could not save.' });
    const api = new HttpError(409, 'conflict', 'Someone else changed this entry.', {});
    expect(failureError(api, 'save')).toEqual({ href: '#save', text: 'Someone else changed this entry.' });
    expect(failureError(new Error('x'), 'f', () => 'Custom')).toEqual({ href: '#f', text: 'Custom' });
  });
});
