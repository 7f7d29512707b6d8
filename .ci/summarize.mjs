// Prints "N passed, N failed" from the vitest JSON reports every workspace wrote.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dirs = workspaces.flatMap((pattern) => {
  if (!pattern.endsWith('/*')) return [pattern];
  const parent = pattern.slice(0, -2);
  return readdir(join(root, parent)).map((name) => `${parent}/${name}`);
});

let passed = 0;
let failed = 0;
const missing = [];
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  if (!pkg.scripts?.test) continue;
  const report = join(root, dir, 'test-results.json');
  if (!existsSync(report)) {
    missing.push(pkg.name);
    continue;
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that failed to load has no tests to count; count it as a failure.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}
// A workspace whose tests never ran (crash, or turbo stopped early) is a failure too.
failed += missing.length;
if (missing.length > 0) console.error(`no test results from: ${missing.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function readdir(path) {
  return existsSync(path) ? readdirSync(path) : [];
}
