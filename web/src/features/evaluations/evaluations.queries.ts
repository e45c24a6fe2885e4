import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { paths } from '../../app/api-schema.d.ts';

const fetchRound = (id: string) => api.get('/api/evaluation-rounds/{id}', { path: { id } });
const fetchEntry = (id: string) => api.get('/api/round-entries/{id}', { path: { id } });
const fetchMyScore = (id: string) => api.get('/api/round-entries/{id}/my-score', { path: { id } });

/** A round with its council, entries and progress, as GET and every act on a round answer it. */
export type RoundDetail = Awaited<ReturnType<typeof fetchRound>>;
export type RoundEntry = RoundDetail['entries'][number];
export type RoundMember = RoundDetail['members'][number];
export type MemberRole = RoundMember['role'];
export type RoundStatus = RoundDetail['status'];
export type EntryDetail = Awaited<ReturnType<typeof fetchEntry>>;
export type EntryStatus = EntryDetail['status'];
export type EntryEvent = EntryDetail['events'][number];
export type MyScore = Awaited<ReturnType<typeof fetchMyScore>>;
export type AdvisoryAction = paths['/api/round-entries/{id}/advisory']['post']['requestBody']['content']['application/json']['action'];
export type OpenRoundBody = paths['/api/evaluation-rounds']['post']['requestBody']['content']['application/json'];
export type RoundSettingsBody = paths['/api/evaluation-rounds/{id}']['patch']['requestBody']['content']['application/json'];

export const advisoryActions: readonly AdvisoryAction[] = ['advisory_review', 'site_visit', 'lab_test_requested', 'supplement_requested', 'supplement_received', 'advisory_report'];

export const roundKey = (id: string) => ['evaluations', 'round', id] as const;
export const entryKey = (id: string) => ['evaluations', 'entry', id] as const;
export const myScoreKey = (id: string) => ['evaluations', 'my-score', id] as const;

export const roundQuery = (id: string) => queryOptions({ queryKey: roundKey(id), queryFn: () => fetchRound(id) });
export const entryQuery = (id: string) => queryOptions({ queryKey: entryKey(id), queryFn: () => fetchEntry(id) });
export const myScoreQuery = (id: string) => queryOptions({ queryKey: myScoreKey(id), queryFn: () => fetchMyScore(id) });

/** Today in Vietnam, YYYY-MM-DD (the default of date fields). */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A number typed in a form (comma or point as decimal separator), or undefined when empty or not a number. */
export const numberOrUndefined = (value: string): number | undefined => {
  const number = Number(value.replace(',', '.'));
  return value.trim() === '' || !Number.isFinite(number) ? undefined : number;
};

/** The minutes and the draft decision of a closed round (PDF, rendered by the server). */
export const minutesUrl = (roundId: string) => `/api/evaluation-rounds/${encodeURIComponent(roundId)}/minutes.pdf`;
export const decisionDraftUrl = (roundId: string) => `/api/evaluation-rounds/${encodeURIComponent(roundId)}/decision-draft.pdf`;
/** The certificate's PDF (certificates feature). */
export const certificatePdfUrl = (certificateId: string) => `/api/certificates/${encodeURIComponent(certificateId)}/pdf`;
