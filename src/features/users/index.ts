export { hasDemoUsers, insertUser, listActiveAccountIds, moveUsersToProducer, type AccountHolder } from './users.repository.ts';
export { findAccounts, type AccountSummary } from './users.repository.ts';
export { findNoticeContacts, updateContactOfUser, type NoticeContact } from './users.repository.ts';
