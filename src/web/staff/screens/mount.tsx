import { render } from 'preact';
import { Account } from './account.tsx';
import { SetUp } from './set-up.tsx';
import { SignIn } from './sign-in.tsx';
import { Team } from './team.tsx';

/** Each screen's server-rendered page has one mount point; the no-JavaScript message is replaced. */
export function mountScreens(doc: Document): void {
  const mount = (id: string, make: (el: HTMLElement) => preact.JSX.Element) => {
    const el = doc.getElementById(id);
    if (!el) return;
    el.querySelector('[data-staff-no-js]')?.remove();
    render(make(el), el);
  };
  mount('staff-sign-in', (el) => <SignIn next={el.dataset.next ?? '/staff'} />);
  mount('staff-set-up', () => <SetUp />);
  mount('staff-account', () => <Account />);
  mount('staff-team', (el) => <Team selfId={el.dataset.staffId ?? ''} />);
}
