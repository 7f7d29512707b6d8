import type { ViteUserConfig } from 'vitest/config';

// Tests run against the TypeScript sources of sibling packages (the "@cruddur/source"
// export condition), so `npm test` needs no build step.
const conditions = ['@cruddur/source', 'node', 'import', 'default'];

export const testConfig: ViteUserConfig = {
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@cruddur/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
};
