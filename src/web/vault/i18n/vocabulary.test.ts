import { describe, expect, it } from 'vitest';
import {
  BEHAVIOURS,
  DAILY_LIFE_CHANGE_LABELS,
  METHOD_LABELS,
  PERSON_ROLE_LABELS,
  REPORT_TARGET_LABELS,
} from '../../../domain/incidents/index.ts';
import { t } from './i18n.ts';

const lists = {
  methods: METHOD_LABELS,
  roles: PERSON_ROLE_LABELS,
  dailyLife: DAILY_LIFE_CHANGE_LABELS,
  reportTargets: REPORT_TARGET_LABELS,
};

describe('the domain lists in the catalogues', () => {
  it('give every behaviour, way, part, change and report a label in both languages; the English is the domain’s own', () => {
    for (const behaviour of BEHAVIOURS) {
      expect(t(`vocabulary.behaviours.${behaviour.id}.label`, {}, 'en')).toBe(behaviour.label);
      expect(t(`vocabulary.behaviours.${behaviour.id}.hint`, {}, 'en')).toBe(behaviour.hint);
      expect(t(`vocabulary.behaviours.${behaviour.id}.label`, {}, 'cy')).not.toMatch(/^vocabulary\./);
    }
    // Each kind of recovery key problem src/crypto reports (RecoveryKeyProblem).
    for (const problem of ['character', 'length', 'checksum'])
      expect(t(`recover.keyProblems.${problem}`, {}, 'cy')).not.toMatch(/^recover\./);
    for (const [list, labels] of Object.entries(lists)) {
      for (const [id, label] of Object.entries(labels)) {
        expect(t(`vocabulary.${list}.${id}`, {}, 'en')).toBe(label);
        expect(t(`vocabulary.${list}.${id}`, {}, 'cy')).not.toMatch(/^vocabulary\./);
      }
    }
  });
});
