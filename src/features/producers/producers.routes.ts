import { requireActor } from '../../core/http/plugin.ts';
import { standardErrors } from '../../core/http/schemas.ts';
import type { App, AppContext } from '../../core/http/types.ts';
import { editProducer } from './edit-producer.ts';
import { mergeProducer } from './merge-producer.ts';
import * as schemas from './producers.schemas.ts';
import { getProducer, listDuplicateProducers, listProducers } from './read-producers.ts';
import { registerProducer } from './register-producer.ts';

const tags = ['Chủ thể OCOP (producers)'];

export function registerProducerRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/producers',
    { schema: { tags, summary: 'Danh sách chủ thể trong phạm vi của người dùng', querystring: schemas.listProducersQuery, response: { 200: schemas.producerPage, ...standardErrors } } },
    async (request) => listProducers(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/producers/duplicates',
    {
      schema: {
        tags,
        summary: 'Các cặp chủ thể có thể trùng nhau (cùng mã số thuế gốc, hoặc cùng tên trong một xã)',
        querystring: schemas.duplicatesQuery,
        response: { 200: schemas.duplicatePage, ...standardErrors },
      },
    },
    async (request) => listDuplicateProducers(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/producers/:id',
    { schema: { tags, summary: 'Một chủ thể', params: schemas.producerParams, response: { 200: schemas.producer, ...standardErrors } } },
    async (request) => getProducer(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/api/producers',
    { schema: { tags, summary: 'Đăng ký chủ thể', body: schemas.createProducerBody, response: { 201: schemas.producer, ...standardErrors } } },
    async (request, reply) => {
      const producer = await registerProducer(ctx, requireActor(request), request.body, request.id);
      return reply.status(201).send(producer);
    },
  );

  app.patch(
    '/api/producers/:id',
    { schema: { tags, summary: 'Sửa thông tin chủ thể', params: schemas.producerParams, body: schemas.updateProducerBody, response: { 200: schemas.producer, ...standardErrors } } },
    async (request) => editProducer(ctx, requireActor(request), request.params.id, request.body, request.id),
  );

  app.post(
    '/api/producers/:id/merge',
    {
      schema: {
        tags,
        summary: 'Gộp chủ thể trùng (chủ thể trong đường dẫn) vào chủ thể được giữ lại',
        params: schemas.producerParams,
        body: schemas.mergeProducerBody,
        response: { 200: schemas.producer, ...standardErrors },
      },
    },
    async (request) => mergeProducer(ctx, requireActor(request), request.params.id, request.body, request.id),
  );
}
