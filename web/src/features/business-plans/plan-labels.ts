/** Shared bits of the business-plan screens. */
import type { Schemas } from '../../app/api.ts';

export type Plan = Schemas['BusinessPlan'];
export type PlanStatus = Plan['status'];
export const planStatuses: readonly PlanStatus[] = ['submitted', 'forwarding_overdue', 'forwarded', 'returned', 'approved'];
export type SupportKind = Plan['supports'][number]['kind'];
export const supportKinds: readonly SupportKind[] = ['training', 'consulting', 'credit', 'packaging_label_design', 'technology', 'other'];

export function planStatusTone(status: PlanStatus): 'neutral' | 'good' | 'bad' | 'soon' {
  return status === 'approved' ? 'good' : status === 'forwarding_overdue' ? 'bad' : status === 'returned' ? 'soon' : 'neutral';
}

const vnd = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
/** 850.000.000 đ */
export const formatVnd = (amount: number | null | undefined) => (amount === null || amount === undefined ? '—' : `${vnd.format(amount)} đ`);

/** Whole days from now to a deadline: positive while due, negative once overdue. */
export function daysLeft(dueAt: string, now = Date.now()): number {
  return Math.floor((new Date(dueAt).getTime() - now) / 86_400_000);
}

/** "1.200.000" → 1200000; empty → null; anything else is sent as is for the server to report. */
export function amountValue(text: string): number | null {
  const digits = text.replace(/[.\s,đ]/g, '');
  if (digits === '') return null;
  return /^-?\d+$/.test(digits) ? Number(digits) : (text as unknown as number);
}
