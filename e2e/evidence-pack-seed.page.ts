// Runs inside the /diary page (bundled by evidence-pack-seed.ts): makes an account and a diary through the real
// vault API with the vault's own code — encrypted items with receipts, encrypted photo uploads — far faster than
// typing them into the forms. Used by the evidence pack's browser test and benchmark.

import type { Attachment, BehaviourId, Incident } from '../src/domain/incidents/index.ts';
import { BEHAVIOUR_IDS, exactWhenAt, newIncident, newPerson, newPlace } from '../src/domain/incidents/index.ts';
import { createAccount, prepareAccount, suggestUsername } from '../src/web/vault/account/create-account.ts';
import { ApiClient } from '../src/web/vault/api/client.ts';
import { uploadAttachment } from '../src/web/vault/attachments/upload.ts';
import { mapWithLimit } from '../src/web/vault/evidence-pack/limit.ts';
import { putItem } from '../src/web/vault/items/item-store.ts';

export interface SeedSpec {
  readonly passphrase: string;
  readonly incidents: number;
  readonly photos: number;
  /** Roughly this many bytes each (JPEG of noise). */
  readonly photoBytes: number;
  /** Every n-th incident is edited once (a second version). */
  readonly editEvery: number;
  /** Also one vault note (the older item type). */
  readonly note: boolean;
}

export interface SeedResult {
  readonly username: string;
  /** The words each incident's latest version contains, e.g. "Marker0007", in the order made. */
  readonly markers: readonly string[];
  readonly versions: number;
  readonly photoIds: readonly string[];
}

export const PERSON_NAME = 'Alex Stalkerson';
export const WITNESS_NAME = 'Priya Witness';
export const PLACE_NAME = 'Outside the flats on Elm Road';

const SEND_CONCURRENCY = 8;

async function seed(spec: SeedSpec): Promise<SeedResult> {
  const api = new ApiClient();
  const username = await suggestUsername(api);
  const vault = await createAccount(api, await prepareAccount(username, spec.passphrase));

  const photos = await mapWithLimit(
    Array.from({ length: spec.photos }, (_, i) => i),
    4,
    async (i) => {
      const file = new File([await noiseJpeg(spec.photoBytes, i)], `IMG_${String(4000 + i)}.jpg`, { type: 'image/jpeg' });
      return uploadAttachment(vault, file);
    },
  );

  const stalker = newPerson(crypto.randomUUID(), PERSON_NAME, 'stalker');
  const witness = newPerson(crypto.randomUUID(), WITNESS_NAME, 'witness');
  const place = newPlace(crypto.randomUUID(), PLACE_NAME);
  for (const record of [stalker, witness, place]) await putItem(vault, record.id, 0, record);

  const start = Date.UTC(2025, 0, 6, 9, 0);
  const markers: string[] = [];
  const incidents: Incident[] = [];
  for (let i = 0; i < spec.incidents; i++) {
    const marker = `Marker${String(i).padStart(4, '0')}`;
    markers.push(marker);
    const photo: Attachment | undefined =
      spec.photos > 0 && i % Math.max(1, Math.floor(spec.incidents / spec.photos)) === 0
        ? photos[Math.floor(i / Math.max(1, Math.floor(spec.incidents / spec.photos)))]
        : undefined;
    const behaviours: BehaviourId[] = [...new Set<BehaviourId>(['following', BEHAVIOUR_IDS[i % BEHAVIOUR_IDS.length]!])];
    incidents.push({
      ...newIncident(
        crypto.randomUUID(),
        exactWhenAt(start + i * 7 * 3_600_000),
        `${marker}: he was waiting outside my work again and followed me to the bus stop. I went back inside and waited.`,
      ),
      where: 'Outside my work',
      placeId: place.id,
      behaviours,
      people: [{ personId: stalker.id, role: 'stalker' }, ...(i % 3 === 0 ? [{ personId: witness.id, role: 'witness' as const }] : [])],
      effects: { fearOfViolence: i % 4 === 0, alarmOrDistress: true, dailyLifeChanges: [] },
      reports: i % 10 === 0 ? [{ to: 'police', crimeReference: `CR/${1000 + i}/25` }] : [],
      attachments: photo ? [photo] : [],
    });
  }
  let versions = 0;
  await mapWithLimit(incidents, SEND_CONCURRENCY, async (incident, i) => {
    await putItem(vault, incident.id, 0, incident);
    versions++;
    if (spec.editEvery > 0 && i % spec.editEvery === 0) {
      await putItem(vault, incident.id, 1, {
        ...incident,
        whatHappened: `${incident.whatHappened} Added later: my colleague saw him too.`,
      });
      versions++;
    }
  });
  if (spec.note) {
    await putItem(vault, crypto.randomUUID(), 0, {
      type: 'note',
      v: 1,
      text: 'NoteMarker: a card through the door, unsigned.',
      writtenAt: new Date(start - 86_400_000).toISOString(),
      attachments: [],
    });
    versions++;
  }
  await api.json('DELETE', '/session');
  return { username, markers, versions, photoIds: photos.map((p) => p.id) };
}

/** A real JPEG of about `bytes` bytes: random noise compresses badly, so its size follows its area. */
async function noiseJpeg(bytes: number, seed: number): Promise<Blob> {
  const side = Math.max(16, Math.round(Math.sqrt(bytes / 1.1)));
  const canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(side, side);
  let state = (seed + 1) * 2654435761;
  for (let p = 0; p < image.data.length; p += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    image.data[p] = state & 255;
    image.data[p + 1] = (state >>> 8) & 255;
    image.data[p + 2] = (state >>> 16) & 255;
    image.data[p + 3] = 255;
  }
  context.putImageData(image, 0, 0);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

(globalThis as unknown as { casebookSeed: typeof seed }).casebookSeed = seed;
