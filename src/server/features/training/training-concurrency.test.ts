import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { vaultDialects } from '../../../../test/support/vault.ts';
import { checkCampaign } from '../../../domain/training/campaigns.ts';
import { BOOKER, FORM, form, publishedEvent } from './test-support.ts';

const PEOPLE = 300;
const LAST_PLACES = 20;
const ALREADY_BOOKED = 5;

for (const dialect of await vaultDialects()) {
  const processes = dialect === 'postgres' ? 2 : 1;
  describe(`training: ${PEOPLE} people booking the last ${LAST_PLACES} places at once (${dialect}, ${processes} app ${processes === 1 ? 'process' : 'processes'})`, () => {
    let t: TestApp;
    let apps: TestApp[];
    const now = Date.UTC(2027, 0, 10, 12);
    beforeAll(async () => {
      t = await buildTestApp({ dialect, clock: () => now });
      apps = processes === 2 ? [t, await t.anotherProcess()] : [t];
    }, 60_000);
    afterAll(async () => {
      for (const other of apps.slice(1)) await other.close();
      await t?.close();
    });

    it('books exactly the places there are and puts everyone else on the waiting list in arrival order', async () => {
      const repo = t.services.training.repo;
      const event = await publishedEvent(repo, now, { capacity: String(ALREADY_BOOKED + LAST_PLACES) });
      for (let i = 0; i < ALREADY_BOOKED; i++) {
        const early = await t.app.inject({
          method: 'POST',
          url: `/training/events/${event.id}/book`,
          payload: form({ ...BOOKER, name: `Early ${i}` }),
          headers: FORM,
          remoteAddress: `10.9.0.${i + 1}`,
        });
        expect(early.statusCode).toBe(303);
      }
      // Everyone at once, spread over the app processes, each from their own address.
      const answers = await Promise.all(
        Array.from({ length: PEOPLE }, (_, i) =>
          apps[i % apps.length]!.app.inject({
            method: 'POST',
            url: `/training/events/${event.id}/book`,
            payload: form({ ...BOOKER, name: `Person ${i}` }),
            headers: FORM,
            remoteAddress: `10.${1 + Math.floor(i / 250)}.${Math.floor((i % 250) / 10)}.${(i % 10) + 1}`,
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode).filter((s) => s !== 303)).toEqual([]);

      const bookings = (await repo.bookings(event.id)).filter((b) => b.name.startsWith('Person'));
      const booked = bookings.filter((b) => b.status === 'booked');
      const waiting = bookings.filter((b) => b.status === 'waiting');
      expect(booked).toHaveLength(LAST_PLACES);
      expect(waiting).toHaveLength(PEOPLE - LAST_PLACES);
      // Arrival order is the order the event's lock was granted: seq runs without gaps, every place went to
      // someone who arrived before everyone waiting, and the list is in that same order.
      const seqs = bookings.map((b) => b.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: PEOPLE }, (_, i) => ALREADY_BOOKED + 1 + i));
      expect(Math.max(...booked.map((b) => b.seq))).toBeLessThan(Math.min(...waiting.map((b) => b.seq)));
      const after = (await repo.event(event.id))!;
      expect(after).toMatchObject({ bookedCount: ALREADY_BOOKED + LAST_PLACES, waitingCount: PEOPLE - LAST_PLACES });
      expect(await repo.waitingPosition(waiting[0]!)).toBe(1);
      expect(await repo.waitingPosition(waiting.at(-1)!)).toBe(PEOPLE - LAST_PLACES);

      // Three people cancel at the same moment, on different processes: the first three waiting get the places.
      const promoted = (await Promise.all(booked.slice(0, 3).map((b) => repo.cancelBooking(b, now)))).flat();
      expect(promoted.map((p) => p.seq).sort((a, b) => a - b)).toEqual(waiting.slice(0, 3).map((w) => w.seq));
      expect((await repo.event(event.id))!).toMatchObject({
        bookedCount: ALREADY_BOOKED + LAST_PLACES,
        waitingCount: PEOPLE - LAST_PLACES - 3,
      });
    }, 120_000);

    it('shows a campaign saved on one process on every process’s home page', async () => {
      const { draft } = checkCampaign({
        title: 'National Stalking Awareness Week',
        message: 'Raising awareness this week.',
        linkUrl: '',
        startsOn: '2027-01-04',
        endsOn: '2027-01-17',
      });
      // Each process renders (and caches) the home page first, so what follows proves the cache moves on.
      for (const a of apps) expect((await a.app.inject({ url: '/' })).body).not.toContain('data-campaign');
      await t.services.training.repo.saveCampaign(undefined, draft!, now);
      await t.services.training.campaigns.changed();
      for (const a of apps) {
        await expect
          .poll(async () => (await a.app.inject({ url: '/' })).body, { timeout: 10_000 })
          .toContain('National Stalking Awareness Week');
      }
    });
  });
}
