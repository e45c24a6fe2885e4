import type { Schemas } from '../../app/api.ts';
import type { ProgrammeText } from './programme-text.ts';

export type Training = Schemas['Training'];
export type TrainingDetail = Schemas['TrainingDetail'];
export type Participant = Schemas['TrainingParticipant'];
export const audiences = ['province_officials', 'commune_officials', 'producers', 'other'] as const;

export function kindLabel(text: ProgrammeText, participant: Pick<Participant, 'kind' | 'officialLevel'>): string {
  if (participant.kind === 'official') return participant.officialLevel ? text(`kind.official.${participant.officialLevel}`) : text('kind.official');
  return text(`kind.${participant.kind}`);
}

/** 2026-06-16 → 16/06/2026; a range of one day is that day. */
export function dateRange(from: string, to: string, format: (value: string) => string): string {
  return from === to ? format(from) : `${format(from)} – ${format(to)}`;
}
