// Progressive enhancements for every page. Pages work without this file.
import { createAll, ServiceNavigation, SkipLink } from 'govuk-frontend';
import { CasebookExitThisPage } from './components/exit-this-page/exit-this-page.ts';
import { startLiveStatus } from './components/live-status/live-status.ts';

createAll(CasebookExitThisPage);
createAll(ServiceNavigation);
createAll(SkipLink);
startLiveStatus();
