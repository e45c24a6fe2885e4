export { findIdea, moveIdeasToProducer } from './ideas.repository.ts';
export type { StoredIdea } from './ideas.schemas.ts';
export { countIdeaFunnel } from './ideas.repository.ts';
