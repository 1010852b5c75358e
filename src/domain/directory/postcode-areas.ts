import type { CountyName } from './counties.ts';
import type { PoliceForce } from './police-forces.ts';

// UK postcode areas (the leading letters of a postcode) and the police force areas and counties each one
// touches. Area list and post towns: Royal Mail's postcode areas. Forces and counties: the boundaries the
// ONS National Statistics Postcode Lookup (NSPL) records in its police force area and county fields,
// summarised by postcode area. The summary was written by hand (November 2026), not generated from the
// NSPL file, so re-check an area against the current NSPL before relying on it near a boundary.
// An area that crosses a boundary lists every force and county it reaches, main one first, so
// "find support in my area" errs towards showing a service rather than hiding one.
// Nations are not stored here: they follow from the counties (see area.ts).

export interface PostcodeArea {
  /** The post town Royal Mail names the area after. */
  postTown: string;
  forces: readonly PoliceForce[];
  counties: readonly CountyName[];
}

const scotland = (postTown: string, counties: readonly CountyName[]): PostcodeArea => ({
  postTown,
  forces: ['Police Scotland'],
  counties,
});

const london = (postTown: string): PostcodeArea => ({
  postTown,
  forces: ['Metropolitan Police Service'],
  counties: ['Greater London'],
});

export const POSTCODE_AREAS: Readonly<Record<string, PostcodeArea>> = {
  AB: scotland('Aberdeen', ['Aberdeen City', 'Aberdeenshire', 'Moray']),
  AL: { postTown: 'St Albans', forces: ['Hertfordshire Constabulary'], counties: ['Hertfordshire'] },
  B: {
    postTown: 'Birmingham',
    forces: ['West Midlands Police', 'Warwickshire Police', 'Staffordshire Police', 'West Mercia Police'],
    counties: ['West Midlands', 'Warwickshire', 'Staffordshire', 'Worcestershire'],
  },
  BA: { postTown: 'Bath', forces: ['Avon and Somerset Constabulary', 'Wiltshire Police'], counties: ['Somerset', 'Wiltshire'] },
  BB: { postTown: 'Blackburn', forces: ['Lancashire Constabulary'], counties: ['Lancashire'] },
  BD: {
    postTown: 'Bradford',
    forces: ['West Yorkshire Police', 'North Yorkshire Police'],
    counties: ['West Yorkshire', 'North Yorkshire'],
  },
  BH: { postTown: 'Bournemouth', forces: ['Dorset Police', 'Hampshire and Isle of Wight Constabulary'], counties: ['Dorset', 'Hampshire'] },
  BL: {
    postTown: 'Bolton',
    forces: ['Greater Manchester Police', 'Lancashire Constabulary'],
    counties: ['Greater Manchester', 'Lancashire'],
  },
  BN: { postTown: 'Brighton', forces: ['Sussex Police'], counties: ['East Sussex', 'West Sussex'] },
  BR: { postTown: 'Bromley', forces: ['Metropolitan Police Service', 'Kent Police'], counties: ['Greater London', 'Kent'] },
  BS: { postTown: 'Bristol', forces: ['Avon and Somerset Constabulary'], counties: ['Bristol', 'Somerset', 'Gloucestershire'] },
  BT: {
    postTown: 'Belfast',
    forces: ['Police Service of Northern Ireland'],
    counties: ['County Antrim', 'County Armagh', 'County Down', 'County Fermanagh', 'County Londonderry', 'County Tyrone'],
  },
  CA: { postTown: 'Carlisle', forces: ['Cumbria Constabulary', 'Northumbria Police'], counties: ['Cumbria', 'Northumberland'] },
  CB: {
    postTown: 'Cambridge',
    forces: ['Cambridgeshire Constabulary', 'Essex Police', 'Suffolk Constabulary'],
    counties: ['Cambridgeshire', 'Essex', 'Suffolk'],
  },
  CF: { postTown: 'Cardiff', forces: ['South Wales Police', 'Gwent Police'], counties: ['South Glamorgan', 'Mid Glamorgan', 'Gwent'] },
  CH: {
    postTown: 'Chester',
    forces: ['Cheshire Constabulary', 'Merseyside Police', 'North Wales Police'],
    counties: ['Cheshire', 'Merseyside', 'Clwyd'],
  },
  CM: { postTown: 'Chelmsford', forces: ['Essex Police', 'Hertfordshire Constabulary'], counties: ['Essex', 'Hertfordshire'] },
  CO: { postTown: 'Colchester', forces: ['Essex Police', 'Suffolk Constabulary'], counties: ['Essex', 'Suffolk'] },
  CR: { postTown: 'Croydon', forces: ['Metropolitan Police Service', 'Surrey Police'], counties: ['Greater London', 'Surrey'] },
  CT: { postTown: 'Canterbury', forces: ['Kent Police'], counties: ['Kent'] },
  CV: {
    postTown: 'Coventry',
    forces: ['West Midlands Police', 'Warwickshire Police', 'Leicestershire Police'],
    counties: ['West Midlands', 'Warwickshire', 'Leicestershire'],
  },
  CW: { postTown: 'Crewe', forces: ['Cheshire Constabulary', 'Staffordshire Police'], counties: ['Cheshire', 'Staffordshire'] },
  DA: { postTown: 'Dartford', forces: ['Kent Police', 'Metropolitan Police Service'], counties: ['Kent', 'Greater London'] },
  DD: scotland('Dundee', ['Dundee City', 'Angus', 'Perth and Kinross', 'Fife']),
  DE: {
    postTown: 'Derby',
    forces: ['Derbyshire Constabulary', 'Staffordshire Police', 'Leicestershire Police'],
    counties: ['Derbyshire', 'Staffordshire', 'Leicestershire'],
  },
  DG: scotland('Dumfries', ['Dumfries and Galloway']),
  DH: { postTown: 'Durham', forces: ['Durham Constabulary', 'Northumbria Police'], counties: ['County Durham', 'Tyne and Wear'] },
  DL: { postTown: 'Darlington', forces: ['Durham Constabulary', 'North Yorkshire Police'], counties: ['County Durham', 'North Yorkshire'] },
  DN: {
    postTown: 'Doncaster',
    forces: ['South Yorkshire Police', 'Humberside Police', 'Lincolnshire Police', 'Nottinghamshire Police', 'North Yorkshire Police'],
    counties: ['South Yorkshire', 'East Riding of Yorkshire', 'Lincolnshire', 'Nottinghamshire', 'North Yorkshire'],
  },
  DT: { postTown: 'Dorchester', forces: ['Dorset Police'], counties: ['Dorset'] },
  DY: {
    postTown: 'Dudley',
    forces: ['West Midlands Police', 'West Mercia Police', 'Staffordshire Police'],
    counties: ['West Midlands', 'Worcestershire', 'Shropshire', 'Staffordshire'],
  },
  E: {
    postTown: 'London',
    forces: ['Metropolitan Police Service', 'City of London Police'],
    counties: ['Greater London', 'City of London'],
  },
  EC: {
    postTown: 'London',
    forces: ['City of London Police', 'Metropolitan Police Service'],
    counties: ['City of London', 'Greater London'],
  },
  EH: scotland('Edinburgh', ['City of Edinburgh', 'East Lothian', 'Midlothian', 'West Lothian', 'Scottish Borders', 'Falkirk']),
  EN: {
    postTown: 'Enfield',
    forces: ['Metropolitan Police Service', 'Hertfordshire Constabulary', 'Essex Police'],
    counties: ['Greater London', 'Hertfordshire', 'Essex'],
  },
  EX: { postTown: 'Exeter', forces: ['Devon and Cornwall Police'], counties: ['Devon', 'Cornwall'] },
  FK: scotland('Falkirk', ['Falkirk', 'Stirling', 'Clackmannanshire', 'Perth and Kinross', 'Fife']),
  FY: { postTown: 'Blackpool', forces: ['Lancashire Constabulary'], counties: ['Lancashire'] },
  G: scotland('Glasgow', [
    'Glasgow City',
    'East Dunbartonshire',
    'West Dunbartonshire',
    'North Lanarkshire',
    'South Lanarkshire',
    'East Renfrewshire',
    'Renfrewshire',
    'Argyll and Bute',
    'Stirling',
  ]),
  GL: {
    postTown: 'Gloucester',
    forces: [
      'Gloucestershire Constabulary',
      'Avon and Somerset Constabulary',
      'Wiltshire Police',
      'Thames Valley Police',
      'West Mercia Police',
    ],
    counties: ['Gloucestershire', 'Wiltshire', 'Oxfordshire', 'Worcestershire', 'Herefordshire'],
  },
  GU: {
    postTown: 'Guildford',
    forces: ['Surrey Police', 'Hampshire and Isle of Wight Constabulary', 'Sussex Police', 'Thames Valley Police'],
    counties: ['Surrey', 'Hampshire', 'West Sussex', 'Berkshire'],
  },
  HA: london('Harrow'),
  HD: { postTown: 'Huddersfield', forces: ['West Yorkshire Police'], counties: ['West Yorkshire'] },
  HG: { postTown: 'Harrogate', forces: ['North Yorkshire Police'], counties: ['North Yorkshire'] },
  HP: {
    postTown: 'Hemel Hempstead',
    forces: ['Hertfordshire Constabulary', 'Thames Valley Police'],
    counties: ['Hertfordshire', 'Buckinghamshire'],
  },
  HR: { postTown: 'Hereford', forces: ['West Mercia Police', 'Dyfed-Powys Police'], counties: ['Herefordshire', 'Powys'] },
  HS: scotland('Outer Hebrides', ['Na h-Eileanan Siar']),
  HU: { postTown: 'Hull', forces: ['Humberside Police'], counties: ['East Riding of Yorkshire'] },
  HX: { postTown: 'Halifax', forces: ['West Yorkshire Police'], counties: ['West Yorkshire'] },
  IG: { postTown: 'Ilford', forces: ['Metropolitan Police Service', 'Essex Police'], counties: ['Greater London', 'Essex'] },
  IP: { postTown: 'Ipswich', forces: ['Suffolk Constabulary', 'Norfolk Constabulary'], counties: ['Suffolk', 'Norfolk'] },
  IV: scotland('Inverness', ['Highland', 'Moray']),
  KA: scotland('Kilmarnock', ['East Ayrshire', 'North Ayrshire', 'South Ayrshire']),
  KT: {
    postTown: 'Kingston upon Thames',
    forces: ['Metropolitan Police Service', 'Surrey Police'],
    counties: ['Greater London', 'Surrey'],
  },
  KW: scotland('Kirkwall', ['Orkney Islands', 'Highland']),
  KY: scotland('Kirkcaldy', ['Fife', 'Perth and Kinross']),
  L: { postTown: 'Liverpool', forces: ['Merseyside Police', 'Lancashire Constabulary'], counties: ['Merseyside', 'Lancashire'] },
  LA: {
    postTown: 'Lancaster',
    forces: ['Lancashire Constabulary', 'Cumbria Constabulary', 'North Yorkshire Police'],
    counties: ['Lancashire', 'Cumbria', 'North Yorkshire'],
  },
  LD: { postTown: 'Llandrindod Wells', forces: ['Dyfed-Powys Police'], counties: ['Powys'] },
  LE: {
    postTown: 'Leicester',
    forces: ['Leicestershire Police', 'Northamptonshire Police', 'Nottinghamshire Police', 'Warwickshire Police'],
    counties: ['Leicestershire', 'Rutland', 'Northamptonshire', 'Nottinghamshire', 'Warwickshire'],
  },
  LL: { postTown: 'Llandudno', forces: ['North Wales Police'], counties: ['Gwynedd', 'Clwyd'] },
  LN: { postTown: 'Lincoln', forces: ['Lincolnshire Police'], counties: ['Lincolnshire'] },
  LS: { postTown: 'Leeds', forces: ['West Yorkshire Police', 'North Yorkshire Police'], counties: ['West Yorkshire', 'North Yorkshire'] },
  LU: {
    postTown: 'Luton',
    forces: ['Bedfordshire Police', 'Hertfordshire Constabulary', 'Thames Valley Police'],
    counties: ['Bedfordshire', 'Hertfordshire', 'Buckinghamshire'],
  },
  M: { postTown: 'Manchester', forces: ['Greater Manchester Police'], counties: ['Greater Manchester'] },
  ME: { postTown: 'Rochester', forces: ['Kent Police'], counties: ['Kent'] },
  MK: {
    postTown: 'Milton Keynes',
    forces: ['Thames Valley Police', 'Bedfordshire Police', 'Northamptonshire Police'],
    counties: ['Buckinghamshire', 'Bedfordshire', 'Northamptonshire'],
  },
  ML: scotland('Motherwell', ['North Lanarkshire', 'South Lanarkshire']),
  N: london('London'),
  NE: { postTown: 'Newcastle upon Tyne', forces: ['Northumbria Police'], counties: ['Tyne and Wear', 'Northumberland'] },
  NG: {
    postTown: 'Nottingham',
    forces: ['Nottinghamshire Police', 'Derbyshire Constabulary', 'Leicestershire Police', 'Lincolnshire Police'],
    counties: ['Nottinghamshire', 'Derbyshire', 'Leicestershire', 'Lincolnshire'],
  },
  NN: {
    postTown: 'Northampton',
    forces: ['Northamptonshire Police', 'Bedfordshire Police'],
    counties: ['Northamptonshire', 'Bedfordshire'],
  },
  NP: { postTown: 'Newport', forces: ['Gwent Police', 'Dyfed-Powys Police'], counties: ['Gwent', 'Powys'] },
  NR: { postTown: 'Norwich', forces: ['Norfolk Constabulary', 'Suffolk Constabulary'], counties: ['Norfolk', 'Suffolk'] },
  NW: london('London'),
  OL: {
    postTown: 'Oldham',
    forces: ['Greater Manchester Police', 'West Yorkshire Police', 'Lancashire Constabulary'],
    counties: ['Greater Manchester', 'West Yorkshire', 'Lancashire'],
  },
  OX: { postTown: 'Oxford', forces: ['Thames Valley Police', 'Northamptonshire Police'], counties: ['Oxfordshire', 'Northamptonshire'] },
  PA: scotland('Paisley', ['Renfrewshire', 'Inverclyde', 'Argyll and Bute', 'North Ayrshire']),
  PE: {
    postTown: 'Peterborough',
    forces: [
      'Cambridgeshire Constabulary',
      'Lincolnshire Police',
      'Norfolk Constabulary',
      'Northamptonshire Police',
      'Leicestershire Police',
      'Bedfordshire Police',
    ],
    counties: ['Cambridgeshire', 'Lincolnshire', 'Norfolk', 'Northamptonshire', 'Rutland', 'Bedfordshire'],
  },
  PH: scotland('Perth', ['Perth and Kinross', 'Highland']),
  PL: { postTown: 'Plymouth', forces: ['Devon and Cornwall Police'], counties: ['Devon', 'Cornwall'] },
  PO: {
    postTown: 'Portsmouth',
    forces: ['Hampshire and Isle of Wight Constabulary', 'Sussex Police'],
    counties: ['Hampshire', 'Isle of Wight', 'West Sussex'],
  },
  PR: { postTown: 'Preston', forces: ['Lancashire Constabulary', 'Merseyside Police'], counties: ['Lancashire', 'Merseyside'] },
  RG: {
    postTown: 'Reading',
    forces: ['Thames Valley Police', 'Hampshire and Isle of Wight Constabulary'],
    counties: ['Berkshire', 'Oxfordshire', 'Hampshire', 'Buckinghamshire'],
  },
  RH: { postTown: 'Redhill', forces: ['Surrey Police', 'Sussex Police'], counties: ['Surrey', 'West Sussex', 'East Sussex'] },
  RM: { postTown: 'Romford', forces: ['Metropolitan Police Service', 'Essex Police'], counties: ['Greater London', 'Essex'] },
  S: {
    postTown: 'Sheffield',
    forces: ['South Yorkshire Police', 'Derbyshire Constabulary', 'Nottinghamshire Police'],
    counties: ['South Yorkshire', 'Derbyshire', 'Nottinghamshire'],
  },
  SA: { postTown: 'Swansea', forces: ['South Wales Police', 'Dyfed-Powys Police'], counties: ['West Glamorgan', 'Dyfed', 'Powys'] },
  SE: london('London'),
  SG: {
    postTown: 'Stevenage',
    forces: ['Hertfordshire Constabulary', 'Bedfordshire Police', 'Cambridgeshire Constabulary'],
    counties: ['Hertfordshire', 'Bedfordshire', 'Cambridgeshire'],
  },
  SK: {
    postTown: 'Stockport',
    forces: ['Greater Manchester Police', 'Cheshire Constabulary', 'Derbyshire Constabulary', 'Staffordshire Police'],
    counties: ['Greater Manchester', 'Cheshire', 'Derbyshire', 'Staffordshire'],
  },
  SL: { postTown: 'Slough', forces: ['Thames Valley Police'], counties: ['Berkshire', 'Buckinghamshire'] },
  SM: { postTown: 'Sutton', forces: ['Metropolitan Police Service', 'Surrey Police'], counties: ['Greater London', 'Surrey'] },
  SN: {
    postTown: 'Swindon',
    forces: ['Wiltshire Police', 'Thames Valley Police', 'Gloucestershire Constabulary'],
    counties: ['Wiltshire', 'Oxfordshire', 'Gloucestershire'],
  },
  SO: { postTown: 'Southampton', forces: ['Hampshire and Isle of Wight Constabulary'], counties: ['Hampshire'] },
  SP: {
    postTown: 'Salisbury',
    forces: ['Wiltshire Police', 'Hampshire and Isle of Wight Constabulary', 'Dorset Police'],
    counties: ['Wiltshire', 'Hampshire', 'Dorset'],
  },
  SR: { postTown: 'Sunderland', forces: ['Northumbria Police', 'Durham Constabulary'], counties: ['Tyne and Wear', 'County Durham'] },
  SS: { postTown: 'Southend-on-Sea', forces: ['Essex Police'], counties: ['Essex'] },
  ST: { postTown: 'Stoke-on-Trent', forces: ['Staffordshire Police', 'Cheshire Constabulary'], counties: ['Staffordshire', 'Cheshire'] },
  SW: london('London'),
  SY: {
    postTown: 'Shrewsbury',
    forces: ['West Mercia Police', 'Dyfed-Powys Police', 'North Wales Police', 'Cheshire Constabulary'],
    counties: ['Shropshire', 'Powys', 'Dyfed', 'Clwyd', 'Cheshire'],
  },
  TA: { postTown: 'Taunton', forces: ['Avon and Somerset Constabulary'], counties: ['Somerset'] },
  TD: { postTown: 'Galashiels', forces: ['Police Scotland', 'Northumbria Police'], counties: ['Scottish Borders', 'Northumberland'] },
  TF: { postTown: 'Telford', forces: ['West Mercia Police'], counties: ['Shropshire'] },
  TN: {
    postTown: 'Tonbridge',
    forces: ['Kent Police', 'Sussex Police', 'Metropolitan Police Service'],
    counties: ['Kent', 'East Sussex', 'Greater London'],
  },
  TQ: { postTown: 'Torquay', forces: ['Devon and Cornwall Police'], counties: ['Devon'] },
  TR: { postTown: 'Truro', forces: ['Devon and Cornwall Police'], counties: ['Cornwall'] },
  TS: {
    postTown: 'Cleveland',
    forces: ['Cleveland Police', 'North Yorkshire Police', 'Durham Constabulary'],
    counties: ['North Yorkshire', 'County Durham'],
  },
  TW: {
    postTown: 'Twickenham',
    forces: ['Metropolitan Police Service', 'Surrey Police', 'Thames Valley Police'],
    counties: ['Greater London', 'Surrey', 'Berkshire'],
  },
  UB: {
    postTown: 'Southall',
    forces: ['Metropolitan Police Service', 'Thames Valley Police'],
    counties: ['Greater London', 'Buckinghamshire'],
  },
  W: london('London'),
  WA: {
    postTown: 'Warrington',
    forces: ['Cheshire Constabulary', 'Merseyside Police', 'Greater Manchester Police'],
    counties: ['Cheshire', 'Merseyside', 'Greater Manchester'],
  },
  WC: london('London'),
  WD: { postTown: 'Watford', forces: ['Hertfordshire Constabulary'], counties: ['Hertfordshire'] },
  WF: { postTown: 'Wakefield', forces: ['West Yorkshire Police'], counties: ['West Yorkshire'] },
  WN: {
    postTown: 'Wigan',
    forces: ['Greater Manchester Police', 'Lancashire Constabulary'],
    counties: ['Greater Manchester', 'Lancashire'],
  },
  WR: { postTown: 'Worcester', forces: ['West Mercia Police'], counties: ['Worcestershire'] },
  WS: { postTown: 'Walsall', forces: ['West Midlands Police', 'Staffordshire Police'], counties: ['West Midlands', 'Staffordshire'] },
  WV: {
    postTown: 'Wolverhampton',
    forces: ['West Midlands Police', 'Staffordshire Police', 'West Mercia Police'],
    counties: ['West Midlands', 'Staffordshire', 'Shropshire'],
  },
  YO: {
    postTown: 'York',
    forces: ['North Yorkshire Police', 'Humberside Police'],
    counties: ['North Yorkshire', 'East Riding of Yorkshire'],
  },
  ZE: scotland('Lerwick', ['Shetland Islands']),
};

// Guernsey, Jersey and the Isle of Man have postcodes in the same format but are Crown Dependencies:
// not part of the UK, with their own police forces outside the UK's territorial forces.
export const CROWN_DEPENDENCY_AREAS: Readonly<Record<string, string>> = {
  GY: 'Guernsey',
  JE: 'Jersey',
  IM: 'the Isle of Man',
};

// Postcodes that do not name a place a person lives in, so they cannot say which services are local.
export const NON_GEOGRAPHIC_AREAS: Readonly<Record<string, string>> = {
  BF: 'British Forces Post Office (BFPO)',
  BX: 'non-geographic (used for PO boxes and bulk mail)',
};
