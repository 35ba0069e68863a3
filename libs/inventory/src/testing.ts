/** Test helpers for the ledger and for libraries built on it: throwaway databases and a seed catalogue. */
export * from './testing/test-database';
export * from './testing/seed';
