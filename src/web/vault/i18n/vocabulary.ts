// Labels for the domain's fixed lists, from the catalogue, keyed by the domain's ids (which never change).
import type { BehaviourId, DailyLifeChange, MethodKind, PersonRole, ReportTarget } from '../../../domain/incidents/index.ts';
import { LANGUAGE, t, type VaultLanguage } from './i18n.ts';

export const behaviourLabel = (id: BehaviourId, language: VaultLanguage = LANGUAGE): string =>
  t(`vocabulary.behaviours.${id}.label`, undefined, language);
export const behaviourHint = (id: BehaviourId): string => t(`vocabulary.behaviours.${id}.hint`);
export const methodLabel = (kind: MethodKind, language: VaultLanguage = LANGUAGE): string =>
  t(`vocabulary.methods.${kind}`, undefined, language);
export const roleLabel = (role: PersonRole, language: VaultLanguage = LANGUAGE): string =>
  t(`vocabulary.roles.${role}`, undefined, language);
export const dailyLifeLabel = (change: DailyLifeChange, language: VaultLanguage = LANGUAGE): string =>
  t(`vocabulary.dailyLife.${change}`, undefined, language);
export const reportTargetLabel = (target: ReportTarget, language: VaultLanguage = LANGUAGE): string =>
  t(`vocabulary.reportTargets.${target}`, undefined, language);
