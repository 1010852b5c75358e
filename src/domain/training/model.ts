/**
 * Training and events for professionals (docs/training.md): the fixed lists an event is described by, so the
 * filters, the staff form and the pages agree, and the limits every field is held to.
 */
export const AUDIENCES = {
  police: 'Police officers and staff',
  advocates: 'IDVAs and ISACs',
  legal: 'Solicitors and legal professionals',
  health: 'Health professionals',
  support: 'Support workers',
} as const;
export type Audience = keyof typeof AUDIENCES;

export const TOPICS = {
  law: 'Stalking and the law',
  risk: 'Risk assessment and safety planning',
  cyber: 'Online stalking and technology',
  evidence: 'Evidence and recording',
  awareness: 'Recognising stalking',
} as const;
export type Topic = keyof typeof TOPICS;

export const FORMATS = { online: 'Online', 'in-person': 'In person' } as const;
export type Format = keyof typeof FORMATS;

export const REGIONS = {
  london: 'London',
  'south-east': 'South East',
  'south-west': 'South West',
  midlands: 'Midlands',
  'north-east': 'North East and Yorkshire',
  'north-west': 'North West',
  east: 'East of England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
} as const;
export type Region = keyof typeof REGIONS;

export type EventStatus = 'draft' | 'published' | 'cancelled';
export type BookingStatus = 'booked' | 'waiting' | 'cancelled';

export const isAudience = (v: unknown): v is Audience => typeof v === 'string' && Object.hasOwn(AUDIENCES, v);
export const isTopic = (v: unknown): v is Topic => typeof v === 'string' && Object.hasOwn(TOPICS, v);
export const isFormat = (v: unknown): v is Format => typeof v === 'string' && Object.hasOwn(FORMATS, v);
export const isRegion = (v: unknown): v is Region => typeof v === 'string' && Object.hasOwn(REGIONS, v);

export const LIMITS = {
  name: 100,
  organisation: 150,
  role: 100,
  email: 254,
  phone: 30,
  accessNeeds: 1000,
  title: 150,
  summary: 400,
  agenda: 4000,
  speakers: 2000,
  venue: 300,
  accessibility: 2000,
  materials: 2000,
  url: 500,
  campaignTitle: 120,
  campaignMessage: 400,
  capacityMax: 5000,
  cpdHoursMax: 100,
  pricePoundsMax: 10_000,
} as const;

/** The parts of an event the public pages and the rules need. Times are milliseconds since the epoch. */
export interface EventFacts {
  status: EventStatus;
  startsAt: number;
  endsAt: number;
  capacity: number;
  bookedCount: number;
}
