import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Clock } from '../clock/index.ts';

/** The Fastify instance every feature registers its routes on: zod schemas for types and docs. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a feature's routes and use cases need from the composition root. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
}
