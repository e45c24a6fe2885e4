export { hasDemoUsers, insertUser, listActiveAccountIds, moveUsersToProducer, type AccountHolder } from './users.repository.ts';
export { findAccounts, type AccountSummary } from './users.repository.ts';
