export { findProducer, insertProducer } from './producers.repository.ts';
export { legalFormLabels, legalForms, type LegalForm } from './producers.schemas.ts';
export { parseTaxCode, type ParsedTaxCode } from './tax-code.ts';
export { normalizeProducerName } from './producer-name.ts';
export { listKnownProducers, type KnownProducer, type NewProducer } from './producers.repository.ts';
export { findImportedProducerBlockers, removeImportedProducers } from './remove-imported-producers.ts';
export { findProducerContacts, listProducerContactsOfCommune, type ProducerContact } from './producers.repository.ts';
