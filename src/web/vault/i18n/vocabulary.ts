// Labels for the domain's fixed lists, from the catalogue, keyed by the domain's ids (which never change).
import type { BehaviourId, DailyLifeChange, MethodKind, PersonRole, ReportTarget } from '../../../domain/incidents/index.ts';
import { t } from './i18n.ts';

export const behaviourLabel = (id: BehaviourId): string => t(`vocabulary.behaviours.${id}.label`);
export const behaviourHint = (id: BehaviourId): string => t(`vocabulary.behaviours.${id}.hint`);
export const methodLabel = (kind: MethodKind): string => t(`vocabulary.methods.${kind}`);
export const roleLabel = (role: PersonRole): string => t(`vocabulary.roles.${role}`);
export const dailyLifeLabel = (change: DailyLifeChange): string => t(`vocabulary.dailyLife.${change}`);
export const reportTargetLabel = (target: ReportTarget): string => t(`vocabulary.reportTargets.${target}`);
