import 'server-only';
// The history store: SQLite under DATA_DIR. Callers use getStore() and the per-table repositories.
export { dataDirFor } from './data-dir';
export { retentionConfigFrom, type RetentionConfig } from './retention-config';
export { openStore, DB_FILE_NAME, type OpenStoreResult, type StoreLog } from './open-store';
export {
  createStore,
  getStore,
  type HistoryStore,
  type HistoryUnavailableFact,
  type StoreResult,
} from './store';
export { pruneHistory, type PruneReport } from './prune-history';
export { startHistoryPruning, type PruneTimer } from './prune-timer';
export * from './listener-events';
export * from './watches';
export * from './sessions';
export * from './lab-progress';
