import type { ViteUserConfig } from 'vitest/config';

// Tests run against the TypeScript sources of sibling packages (the "@cruddur/source"
// export condition), so `npm test` needs no build step.
const conditions = ['@cruddur/source', 'node', 'import', 'default'];

export const testConfig: ViteUserConfig = {
  resolve: { conditions },
  // Only these two for workers: 'import' there would make Node load ESM builds inside CommonJS
  // packages (pg requiring pg-pool), which breaks them.
  ssr: { resolve: { conditions: ['@cruddur/source', 'node'], externalConditions: ['@cruddur/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    // Generous: CI runs every package at once on two cores; no test asserts speed (bench/ does).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The AWS SDK warns about Node 20 once per process; the bin and the bench silence it too.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
};
