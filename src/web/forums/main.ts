// Forums: on the compose page a live character count and a warning before leaving with unsent words (the draft is
// kept only in the page itself: nothing goes to localStorage, sessionStorage or IndexedDB, T1); on topic pages, links to
// change or delete the reader's own posts.
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

// Topic pages are shared by every reader; the reader's own posts get "Change" and "Delete" here. The words and the
// forums' address in the page's language come from the page (data-forum-* on the list of posts), never from storage.
const posts = document.querySelectorAll<HTMLElement>('[data-forum-author]');
const list = document.querySelector<HTMLElement>('[data-forum-base]')?.dataset;
const base = list?.forumBase ?? '/forums';
if (posts.length) {
  void fetch(`${base}/me`, { headers: { accept: 'application/json' }, cache: 'no-store' })
    .then((res) => (res.ok ? (res.json() as Promise<{ memberId: string }>) : undefined))
    .then((me) => {
      if (!me) return;
      for (const post of posts) {
        if (post.dataset.forumAuthor !== me.memberId) continue;
        const id = post.id.replace('post-', '');
        const actions = post.querySelector('.casebook-forum-post__actions');
        if (!actions) continue;
        actions.replaceChildren(
          link(`${base}/posts/${id}/edit`, list?.forumChange ?? 'Change'),
          document.createTextNode(' · '),
          link(`${base}/posts/${id}/delete`, list?.forumDelete ?? 'Delete'),
        );
      }
    })
    .catch(() => {});
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'govuk-link';
  a.href = href;
  a.textContent = text;
  const hidden = document.createElement('span');
  hidden.className = 'govuk-visually-hidden';
  hidden.textContent = list?.forumYourPost ?? ' your post';
  a.append(hidden);
  return a;
}
