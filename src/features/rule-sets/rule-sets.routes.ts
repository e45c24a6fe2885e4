import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { errorBody } from '../../core/http/schemas.ts';
import type { App } from '../../core/http/types.ts';
import { compareRuleSets } from './compare-rule-sets.ts';
import { evaluateSheet } from './evaluate-sheet.ts';
import { findClassification, findCriteriaSheet, findRuleSet, listCriteriaSheets, listRuleSets } from './reference-data.ts';
import * as schemas from './rule-sets.schemas.ts';

const tags = ['Bộ tiêu chí và chấm điểm (rule sets, scoring)'];
const errors = { 400: errorBody, 404: errorBody };

function getRuleSet(id: string) {
  const ruleSet = findRuleSet(id);
  if (!ruleSet) throw notFound('Bộ quy định');
  return ruleSet;
}

function getSheet(ruleSetId: string, productSet: number) {
  const sheet = findCriteriaSheet(ruleSetId, productSet);
  if (!sheet) throw notFound('Phiếu đánh giá của bộ sản phẩm này');
  return sheet;
}

/**
 * The data notes (how the decision's text was transcribed: ambiguities, corrections, modelling) are
 * working notes of the data's editors and the officials who check them; a producer filling in its
 * self-assessment is not shown them (issue 19). The published reference pages keep them (issue 3).
 */
const forReader = <T extends { notes: unknown[] }>(request: FastifyRequest, data: T): T =>
  request.actor?.role === 'producer' ? { ...data, notes: [] } : data;

/** The criteria and rules are published law: anyone may read them and try a score. */
export function registerRuleSetRoutes(app: App): void {
  app.get(
    '/api/rule-sets',
    { schema: { tags, summary: 'Các bộ quy định đánh giá, phân hạng (theo quyết định)', response: { 200: z.array(schemas.ruleSetSummary) } } },
    async () => listRuleSets(),
  );

  app.get(
    '/api/rule-sets/compare',
    { schema: { tags, summary: 'So sánh hai bộ quy định', querystring: schemas.compareQuery, response: { 200: z.object({ left: z.unknown(), right: z.unknown(), differences: z.array(schemas.difference) }), ...errors } } },
    async (request) => {
      const left = getRuleSet(request.query.left);
      const right = getRuleSet(request.query.right);
      return { left, right, differences: compareRuleSets(left, right) };
    },
  );

  app.get(
    '/api/rule-sets/:ruleSetId',
    { schema: { tags, summary: 'Một bộ quy định: thang điểm, hạng sao, cấp công nhận, thời hạn', params: schemas.ruleSetParams, response: { 200: z.unknown(), ...errors } } },
    async (request) => forReader(request, getRuleSet(request.params.ruleSetId)),
  );

  app.get(
    '/api/rule-sets/:ruleSetId/classification',
    { schema: { tags, summary: 'Phân loại sản phẩm (ngành → nhóm → bộ sản phẩm)', params: schemas.ruleSetParams, response: { 200: z.unknown(), ...errors } } },
    async (request) => {
      const classification = findClassification(request.params.ruleSetId);
      if (!classification) throw notFound('Bảng phân loại');
      return classification;
    },
  );

  app.get(
    '/api/rule-sets/:ruleSetId/criteria-sheets',
    { schema: { tags, summary: 'Danh sách phiếu đánh giá theo bộ sản phẩm', params: schemas.ruleSetParams, response: { 200: z.array(z.object({ number: z.number().int(), name: z.string() })), ...errors } } },
    async (request) => {
      getRuleSet(request.params.ruleSetId);
      return listCriteriaSheets(request.params.ruleSetId).map((sheet) => sheet.productSet);
    },
  );

  app.get(
    '/api/rule-sets/:ruleSetId/criteria-sheets/:productSet',
    { schema: { tags, summary: 'Phiếu đánh giá của một bộ sản phẩm (nguyên văn quyết định)', params: schemas.sheetParams, response: { 200: z.unknown(), ...errors } } },
    async (request) => forReader(request, getSheet(request.params.ruleSetId, request.params.productSet)),
  );

  app.post(
    '/api/rule-sets/:ruleSetId/criteria-sheets/:productSet/evaluation',
    {
      schema: {
        tags,
        summary: 'Chấm thử: điểm, hạng sao, tiêu chí chặn hạng sao và cách nâng hạng rẻ nhất',
        params: schemas.sheetParams,
        body: schemas.evaluateBody,
        response: { 200: schemas.sheetEvaluation, ...errors },
      },
    },
    async (request) => {
      const ruleSet = getRuleSet(request.params.ruleSetId);
      return evaluateSheet(ruleSet, getSheet(ruleSet.id, request.params.productSet), request.body.choices);
    },
  );
}
