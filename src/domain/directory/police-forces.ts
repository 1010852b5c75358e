// The 43 territorial police forces of England and Wales (Police Act 1996, Schedule 1, with the 2022
// renaming of Hampshire Constabulary), plus the single forces of Scotland and Northern Ireland.
// British Transport Police and other special forces are left out: a person's home is never in their area.

export const UK_NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

export const NATION_NAMES: Readonly<Record<UkNation, string>> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const ENGLAND_AND_WALES_FORCES = [
  'Avon and Somerset Constabulary',
  'Bedfordshire Police',
  'Cambridgeshire Constabulary',
  'Cheshire Constabulary',
  'City of London Police',
  'Cleveland Police',
  'Cumbria Constabulary',
  'Derbyshire Constabulary',
  'Devon and Cornwall Police',
  'Dorset Police',
  'Durham Constabulary',
  'Dyfed-Powys Police',
  'Essex Police',
  'Gloucestershire Constabulary',
  'Greater Manchester Police',
  'Gwent Police',
  'Hampshire and Isle of Wight Constabulary',
  'Hertfordshire Constabulary',
  'Humberside Police',
  'Kent Police',
  'Lancashire Constabulary',
  'Leicestershire Police',
  'Lincolnshire Police',
  'Merseyside Police',
  'Metropolitan Police Service',
  'Norfolk Constabulary',
  'North Wales Police',
  'North Yorkshire Police',
  'Northamptonshire Police',
  'Northumbria Police',
  'Nottinghamshire Police',
  'South Wales Police',
  'South Yorkshire Police',
  'Staffordshire Police',
  'Suffolk Constabulary',
  'Surrey Police',
  'Sussex Police',
  'Thames Valley Police',
  'Warwickshire Police',
  'West Mercia Police',
  'West Midlands Police',
  'West Yorkshire Police',
  'Wiltshire Police',
] as const;

export const POLICE_FORCES = [...ENGLAND_AND_WALES_FORCES, 'Police Scotland', 'Police Service of Northern Ireland'] as const;

export type PoliceForce = (typeof POLICE_FORCES)[number];

const WELSH_FORCES: ReadonlySet<PoliceForce> = new Set(['Dyfed-Powys Police', 'Gwent Police', 'North Wales Police', 'South Wales Police']);

export function nationOfForce(force: PoliceForce): UkNation {
  if (force === 'Police Scotland') return 'scotland';
  if (force === 'Police Service of Northern Ireland') return 'northern-ireland';
  return WELSH_FORCES.has(force) ? 'wales' : 'england';
}
