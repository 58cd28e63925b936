/** Planted cluster data for the tests: see `plantedGroupsTable` (group of customer i = i % 3). */
export { plantedGroupsTable as plantedTransactions } from '../../src/data/planted-sql.js';
