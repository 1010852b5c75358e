// Forum compose page: a live character count, and a warning before leaving with unsent words. The draft is
// kept only in the page itself: nothing is written to localStorage, sessionStorage or IndexedDB (T1).
import { CharacterCount, createAll } from 'govuk-frontend';

createAll(CharacterCount);

for (const form of document.querySelectorAll<HTMLFormElement>('[data-forum-compose]')) {
  const fields = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea')];
  const initial = fields.map((field) => field.value);
  let submitting = false;
  form.addEventListener('submit', () => {
    submitting = true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (!submitting && fields.some((field, i) => field.value !== initial[i])) event.preventDefault();
  });
}
