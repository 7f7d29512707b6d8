#!/usr/bin/env node
// `prepack`/`postpack` of every published package (run in the package's directory).
// The workspace resolves sibling packages to their TypeScript sources through the
// "@cruddur/source" export condition; an installed package has no business with it (its
// targets are .ts files a consumer's toolchain would not compile), so the packed
// package.json leaves it out. `strip` keeps the workspace manifest aside; `restore` puts it back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const CONDITION = '@cruddur/source';
const MANIFEST = 'package.json';
const KEPT = 'package.json.workspace';

const withoutCondition = (value) => {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== CONDITION)
      .map(([key, inner]) => [key, withoutCondition(inner)]),
  );
};

const [command] = process.argv.slice(2);
if (command === 'strip') {
  // A KEPT file left by an interrupted pack is the real manifest: never overwrite it.
  if (!existsSync(KEPT)) renameSync(MANIFEST, KEPT);
  const manifest = JSON.parse(readFileSync(KEPT, 'utf8'));
  manifest.exports = withoutCondition(manifest.exports);
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
} else {
  console.error('usage: pack-manifest.mjs strip|restore');
  process.exit(2);
}
