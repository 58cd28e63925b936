/** Planted cluster data for the tests: see `plantedGroupsTable` (group of customer i = i % 3). */
export { plantedGroupsTable as plantedTransactions } from '../../src/sample/planted-sql.js';
