// govuk-frontend ships no type declarations; these cover the parts Casebook uses.
declare module 'govuk-frontend' {
  export class Component {
    static moduleName: string;
    constructor($root: Element, config?: unknown);
  }
  export class ExitThisPage extends Component {
    $button: HTMLAnchorElement;
    $updateSpan: HTMLElement | null;
    $overlay: HTMLElement | null;
    i18n: { t(key: string): string };
    exitPage(): void;
  }
  export class ServiceNavigation extends Component {}
  export class SkipLink extends Component {}
  export class ErrorSummary extends Component {}
  export class Radios extends Component {}
  export class Checkboxes extends Component {}
  export class CharacterCount extends Component {}
  export function createAll<T extends typeof Component>(component: T, config?: unknown, $scope?: Element | Document): InstanceType<T>[];
}
