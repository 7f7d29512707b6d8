import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * Imported first by every test file here, before anything loads `pg`.
 *
 * Why: vitest 4 starts its workers with `--conditions` set to the config's
 * `ssr.resolve.conditions`, and vitest.shared.ts lists 'import' there. Node then resolves even
 * CommonJS `require('pg-pool')` (inside `pg`) to pg-pool's ESM build, gets a module namespace
 * instead of the Pool class, and `pg` fails to load ("Class extends value [object Module]").
 *
 * What: when that is the case, put pg-pool's CommonJS build in Node's require cache under the
 * ESM path, so `pg` gets the class it expects. With 'import' gone from the shared conditions
 * this does nothing, and the file can go.
 */
const require = createRequire(import.meta.url);
const resolved = require.resolve('pg-pool');
if (resolved.endsWith('.mjs')) {
  const commonJs = new Module(resolved);
  commonJs.filename = resolved;
  commonJs.exports = require(join(dirname(resolved), '..', 'index.js'));
  commonJs.loaded = true;
  require.cache[resolved] = commonJs;
}
