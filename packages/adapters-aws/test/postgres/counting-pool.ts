// The counting pool lives in src/engines; this re-export keeps `./counting-pool.js` imports working.
export { CountingPool } from '../../src/engines/index.js';
