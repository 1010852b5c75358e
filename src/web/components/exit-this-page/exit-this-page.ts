import { ExitThisPage } from 'govuk-frontend';

/** Fired before leaving, so open screens (the diary) can wipe keys and plaintext first. */
export const EXIT_EVENT = 'casebook:exit';

/**
 * The design system's Exit this page, changed in one way: it leaves with `location.replace`, so the page
 * being left is not in the history and "back" cannot return to it (T1).
 */
export class CasebookExitThisPage extends ExitThisPage {
  static override moduleName = 'govuk-exit-this-page';

  override exitPage(): void {
    if (!this.$updateSpan) return;
    document.dispatchEvent(new CustomEvent(EXIT_EVENT));
    this.$updateSpan.textContent = '';
    document.body.classList.add('govuk-exit-this-page-hide-content');
    const overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.textContent = this.i18n.t('activated');
    document.body.appendChild(overlay);
    this.$overlay = overlay;
    window.location.replace(this.$button.href);
  }
}
