// Things that make a record stronger whatever the law involved, from the seeds and the keeping-a-record page:
// a crime reference from reporting to the police, witnesses, saved messages and photos, exact dates and times,
// and finishing quick notes while they are fresh.

import type { Incident } from '../incidents/index.ts';
import { hasCrimeReference, isReported, personIdsWithRole } from '../incidents/index.ts';
import { LINKS } from './links.ts';
import type { Strengthener } from './model.ts';
import { count } from './wording.ts';

export function crimeReferenceStrengthener(incidents: readonly Incident[]): Strengthener {
  const withReference = incidents.filter(hasCrimeReference).length;
  const reportedWithout = incidents.filter((incident) => isReported(incident, 'police') && !hasCrimeReference(incident)).length;
  const text =
    withReference > 0
      ? `${count(withReference, 'incident')} ${withReference === 1 ? 'was' : 'were'} reported to the police with a crime reference.`
      : reportedWithout > 0
        ? `${count(reportedWithout, 'incident')} ${reportedWithout === 1 ? 'was' : 'were'} reported to the police, but there is no crime reference yet. Add it if you have one.`
        : 'There is no crime reference yet. When you report to the police, write down the crime reference and the name of the officer.';
  return { id: 'crime-reference', done: withReference > 0, text, link: LINKS.crimeReference };
}

export function witnessStrengthener(incidents: readonly Incident[]): Strengthener {
  const witnessed = incidents.filter((incident) => personIdsWithRole(incident, 'witness').length > 0).length;
  return {
    id: 'witnesses',
    done: witnessed > 0,
    text:
      witnessed > 0
        ? `${count(witnessed, 'incident')} ${witnessed === 1 ? 'has' : 'have'} a witness.`
        : 'No witnesses yet. If someone saw or heard what happened, add them and how to contact them.',
    link: LINKS.whatToWrite,
  };
}

export function attachmentStrengthener(incidents: readonly Incident[]): Strengthener {
  const withFiles = incidents.filter((incident) => incident.attachments.length > 0).length;
  return {
    id: 'attachments',
    done: withFiles > 0,
    text:
      withFiles > 0
        ? `${count(withFiles, 'incident')} ${withFiles === 1 ? 'has' : 'have'} saved evidence, such as photos, screenshots or messages.`
        : 'No saved evidence yet. Add screenshots, photos, messages or emails to the incidents they belong to.',
    link: LINKS.saveEvidence,
  };
}

export function exactTimeStrengthener(incidents: readonly Incident[]): Strengthener {
  const exact = incidents.filter((incident) => incident.when.precision === 'exact').length;
  const rough = incidents.length - exact;
  return {
    id: 'exact-times',
    done: incidents.length > 0 && rough === 0,
    text:
      incidents.length === 0
        ? 'Write the date and time of each incident, as exactly as you can.'
        : rough === 0
          ? 'Every incident has an exact date and time.'
          : incidents.length === 1
            ? 'Your incident does not have an exact date and time yet. If you can work it out, add it.'
            : exact === 0
              ? `None of your ${count(incidents.length, 'incident')} has an exact date and time. If you can work them out, add them.`
              : `${exact} of your ${count(incidents.length, 'incident')} ${exact === 1 ? 'has' : 'have'} an exact date and time. If you can work out the others, add them.`,
    link: LINKS.whatToWrite,
  };
}

export function quickNoteStrengthener(incidents: readonly Incident[]): Strengthener {
  const open = incidents.filter((incident) => incident.quickNote).length;
  return {
    id: 'quick-notes',
    done: open === 0,
    text:
      open === 0
        ? 'There are no quick notes left to finish.'
        : `${count(open, 'quick note')} still ${open === 1 ? 'needs' : 'need'} finishing. Add the details while you remember them.`,
    link: LINKS.whatToWrite,
  };
}

export function strengthenersFor(incidents: readonly Incident[]): Strengthener[] {
  return [
    crimeReferenceStrengthener(incidents),
    witnessStrengthener(incidents),
    attachmentStrengthener(incidents),
    exactTimeStrengthener(incidents),
    quickNoteStrengthener(incidents),
  ];
}
