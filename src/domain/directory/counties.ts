import type { PoliceForce, UkNation } from './police-forces.ts';

// Counties for the "choose your county" select and for services that work county by county.
// England: the 48 ceremonial counties (Lieutenancies Act 1997, as amended). Wales: the 8 preserved
// counties, because they are the Welsh lieutenancy areas and each sits within one or two police forces.
// Scotland: the 32 council areas, the units people there know. Northern Ireland: its six counties.
// `forces` lists every territorial force with any part of the county, so choosing a county finds
// services that are organised by police force area.

export interface County {
  name: string;
  nation: UkNation;
  forces: readonly PoliceForce[];
}

const SCOTLAND: readonly PoliceForce[] = ['Police Scotland'];
const NORTHERN_IRELAND: readonly PoliceForce[] = ['Police Service of Northern Ireland'];

export const COUNTIES = [
  { name: 'Bedfordshire', nation: 'england', forces: ['Bedfordshire Police'] },
  { name: 'Berkshire', nation: 'england', forces: ['Thames Valley Police'] },
  { name: 'Bristol', nation: 'england', forces: ['Avon and Somerset Constabulary'] },
  { name: 'Buckinghamshire', nation: 'england', forces: ['Thames Valley Police'] },
  { name: 'Cambridgeshire', nation: 'england', forces: ['Cambridgeshire Constabulary'] },
  { name: 'Cheshire', nation: 'england', forces: ['Cheshire Constabulary'] },
  { name: 'City of London', nation: 'england', forces: ['City of London Police'] },
  { name: 'Cornwall', nation: 'england', forces: ['Devon and Cornwall Police'] },
  { name: 'Cumbria', nation: 'england', forces: ['Cumbria Constabulary'] },
  { name: 'Derbyshire', nation: 'england', forces: ['Derbyshire Constabulary'] },
  { name: 'Devon', nation: 'england', forces: ['Devon and Cornwall Police'] },
  { name: 'Dorset', nation: 'england', forces: ['Dorset Police'] },
  { name: 'County Durham', nation: 'england', forces: ['Durham Constabulary', 'Cleveland Police'] },
  { name: 'East Riding of Yorkshire', nation: 'england', forces: ['Humberside Police'] },
  { name: 'East Sussex', nation: 'england', forces: ['Sussex Police'] },
  { name: 'Essex', nation: 'england', forces: ['Essex Police'] },
  { name: 'Gloucestershire', nation: 'england', forces: ['Gloucestershire Constabulary', 'Avon and Somerset Constabulary'] },
  { name: 'Greater London', nation: 'england', forces: ['Metropolitan Police Service'] },
  { name: 'Greater Manchester', nation: 'england', forces: ['Greater Manchester Police'] },
  { name: 'Hampshire', nation: 'england', forces: ['Hampshire and Isle of Wight Constabulary'] },
  { name: 'Herefordshire', nation: 'england', forces: ['West Mercia Police'] },
  { name: 'Hertfordshire', nation: 'england', forces: ['Hertfordshire Constabulary'] },
  { name: 'Isle of Wight', nation: 'england', forces: ['Hampshire and Isle of Wight Constabulary'] },
  { name: 'Kent', nation: 'england', forces: ['Kent Police'] },
  { name: 'Lancashire', nation: 'england', forces: ['Lancashire Constabulary'] },
  { name: 'Leicestershire', nation: 'england', forces: ['Leicestershire Police'] },
  { name: 'Lincolnshire', nation: 'england', forces: ['Lincolnshire Police', 'Humberside Police'] },
  { name: 'Merseyside', nation: 'england', forces: ['Merseyside Police'] },
  { name: 'Norfolk', nation: 'england', forces: ['Norfolk Constabulary'] },
  { name: 'North Yorkshire', nation: 'england', forces: ['North Yorkshire Police', 'Cleveland Police'] },
  { name: 'Northamptonshire', nation: 'england', forces: ['Northamptonshire Police'] },
  { name: 'Northumberland', nation: 'england', forces: ['Northumbria Police'] },
  { name: 'Nottinghamshire', nation: 'england', forces: ['Nottinghamshire Police'] },
  { name: 'Oxfordshire', nation: 'england', forces: ['Thames Valley Police'] },
  { name: 'Rutland', nation: 'england', forces: ['Leicestershire Police'] },
  { name: 'Shropshire', nation: 'england', forces: ['West Mercia Police'] },
  { name: 'Somerset', nation: 'england', forces: ['Avon and Somerset Constabulary'] },
  { name: 'South Yorkshire', nation: 'england', forces: ['South Yorkshire Police'] },
  { name: 'Staffordshire', nation: 'england', forces: ['Staffordshire Police'] },
  { name: 'Suffolk', nation: 'england', forces: ['Suffolk Constabulary'] },
  { name: 'Surrey', nation: 'england', forces: ['Surrey Police'] },
  { name: 'Tyne and Wear', nation: 'england', forces: ['Northumbria Police'] },
  { name: 'Warwickshire', nation: 'england', forces: ['Warwickshire Police'] },
  { name: 'West Midlands', nation: 'england', forces: ['West Midlands Police'] },
  { name: 'West Sussex', nation: 'england', forces: ['Sussex Police'] },
  { name: 'West Yorkshire', nation: 'england', forces: ['West Yorkshire Police'] },
  { name: 'Wiltshire', nation: 'england', forces: ['Wiltshire Police'] },
  { name: 'Worcestershire', nation: 'england', forces: ['West Mercia Police'] },

  { name: 'Clwyd', nation: 'wales', forces: ['North Wales Police'] },
  { name: 'Dyfed', nation: 'wales', forces: ['Dyfed-Powys Police'] },
  { name: 'Gwent', nation: 'wales', forces: ['Gwent Police'] },
  { name: 'Gwynedd', nation: 'wales', forces: ['North Wales Police'] },
  { name: 'Mid Glamorgan', nation: 'wales', forces: ['South Wales Police'] },
  { name: 'Powys', nation: 'wales', forces: ['Dyfed-Powys Police'] },
  { name: 'South Glamorgan', nation: 'wales', forces: ['South Wales Police'] },
  { name: 'West Glamorgan', nation: 'wales', forces: ['South Wales Police'] },

  { name: 'Aberdeen City', nation: 'scotland', forces: SCOTLAND },
  { name: 'Aberdeenshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'Angus', nation: 'scotland', forces: SCOTLAND },
  { name: 'Argyll and Bute', nation: 'scotland', forces: SCOTLAND },
  { name: 'City of Edinburgh', nation: 'scotland', forces: SCOTLAND },
  { name: 'Clackmannanshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'Dumfries and Galloway', nation: 'scotland', forces: SCOTLAND },
  { name: 'Dundee City', nation: 'scotland', forces: SCOTLAND },
  { name: 'East Ayrshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'East Dunbartonshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'East Lothian', nation: 'scotland', forces: SCOTLAND },
  { name: 'East Renfrewshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'Falkirk', nation: 'scotland', forces: SCOTLAND },
  { name: 'Fife', nation: 'scotland', forces: SCOTLAND },
  { name: 'Glasgow City', nation: 'scotland', forces: SCOTLAND },
  { name: 'Highland', nation: 'scotland', forces: SCOTLAND },
  { name: 'Inverclyde', nation: 'scotland', forces: SCOTLAND },
  { name: 'Midlothian', nation: 'scotland', forces: SCOTLAND },
  { name: 'Moray', nation: 'scotland', forces: SCOTLAND },
  { name: 'Na h-Eileanan Siar', nation: 'scotland', forces: SCOTLAND },
  { name: 'North Ayrshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'North Lanarkshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'Orkney Islands', nation: 'scotland', forces: SCOTLAND },
  { name: 'Perth and Kinross', nation: 'scotland', forces: SCOTLAND },
  { name: 'Renfrewshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'Scottish Borders', nation: 'scotland', forces: SCOTLAND },
  { name: 'Shetland Islands', nation: 'scotland', forces: SCOTLAND },
  { name: 'South Ayrshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'South Lanarkshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'Stirling', nation: 'scotland', forces: SCOTLAND },
  { name: 'West Dunbartonshire', nation: 'scotland', forces: SCOTLAND },
  { name: 'West Lothian', nation: 'scotland', forces: SCOTLAND },

  { name: 'County Antrim', nation: 'northern-ireland', forces: NORTHERN_IRELAND },
  { name: 'County Armagh', nation: 'northern-ireland', forces: NORTHERN_IRELAND },
  { name: 'County Down', nation: 'northern-ireland', forces: NORTHERN_IRELAND },
  { name: 'County Fermanagh', nation: 'northern-ireland', forces: NORTHERN_IRELAND },
  { name: 'County Londonderry', nation: 'northern-ireland', forces: NORTHERN_IRELAND },
  { name: 'County Tyrone', nation: 'northern-ireland', forces: NORTHERN_IRELAND },
] as const satisfies readonly County[];

export type CountyName = (typeof COUNTIES)[number]['name'];

export const COUNTY_NAMES: readonly CountyName[] = COUNTIES.map((county) => county.name);

const BY_NAME: ReadonlyMap<string, County> = new Map(COUNTIES.map((county) => [county.name, county]));

export function findCounty(name: string): County | undefined {
  return BY_NAME.get(name);
}

/** Options for a county select, grouped by nation in the order England, Wales, Scotland, Northern Ireland. */
export function countiesOf(nation: UkNation): readonly County[] {
  return COUNTIES.filter((county) => county.nation === nation);
}
