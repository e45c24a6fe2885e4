/**
 * Rule sets, classification trees and criteria sheets are published law that changes only with a new
 * decision: fetched once per visit (no refetching on a slow network).
 */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Classification, CriteriaSheet, RuleSet, RuleSetComparison, RuleSetSummary, SheetEvaluation } from './rule-sets.types.ts';

const forever = { staleTime: Number.POSITIVE_INFINITY, gcTime: 30 * 60 * 1000 };

export const ruleSetsQuery = queryOptions({
  queryKey: ['rule-sets', 'list'],
  queryFn: async () => (await api.get('/api/rule-sets')) as RuleSetSummary[],
  ...forever,
});

export const ruleSetQuery = (ruleSetId: string) =>
  queryOptions({
    queryKey: ['rule-sets', 'one', ruleSetId],
    queryFn: async () => (await api.get('/api/rule-sets/{ruleSetId}', { path: { ruleSetId } })) as RuleSet,
    ...forever,
  });

export const classificationQuery = (ruleSetId: string) =>
  queryOptions({
    queryKey: ['rule-sets', 'classification', ruleSetId],
    queryFn: async () => (await api.get('/api/rule-sets/{ruleSetId}/classification', { path: { ruleSetId } })) as Classification,
    ...forever,
  });

export const sheetListQuery = (ruleSetId: string) =>
  queryOptions({
    queryKey: ['rule-sets', 'sheets', ruleSetId],
    queryFn: () => api.get('/api/rule-sets/{ruleSetId}/criteria-sheets', { path: { ruleSetId } }),
    ...forever,
  });

export const sheetQuery = (ruleSetId: string, productSet: number) =>
  queryOptions({
    queryKey: ['rule-sets', 'sheet', ruleSetId, productSet],
    queryFn: async () => (await api.get('/api/rule-sets/{ruleSetId}/criteria-sheets/{productSet}', { path: { ruleSetId, productSet } })) as CriteriaSheet,
    ...forever,
  });

export const compareQuery = (left: string, right: string) =>
  queryOptions({
    queryKey: ['rule-sets', 'compare', left, right],
    queryFn: async () => (await api.get('/api/rule-sets/compare', { query: { left, right } })) as RuleSetComparison,
    ...forever,
  });

/** Trial scoring of some choices: a pure function of its inputs, so an answer never goes stale. */
export const evaluationQuery = (ruleSetId: string, productSet: number, choices: Record<string, string>) =>
  queryOptions({
    queryKey: ['rule-sets', 'evaluation', ruleSetId, productSet, choices],
    queryFn: ({ signal }): Promise<SheetEvaluation> =>
      api.post('/api/rule-sets/{ruleSetId}/criteria-sheets/{productSet}/evaluation', { path: { ruleSetId, productSet }, body: { choices }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60 * 1000,
  });
