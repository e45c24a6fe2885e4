export { hasDemoUsers, insertUser, listActiveAccountIds, moveUsersToProducer, type AccountHolder } from './users.repository.ts';
