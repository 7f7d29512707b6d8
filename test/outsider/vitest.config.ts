import { defineConfig } from 'vitest/config';
import { testConfig } from '../../vitest.shared.js';

// One packed-and-installed project for every file: packing and installing is the slow part.
export default defineConfig({
  ...testConfig,
  test: { ...testConfig.test, globalSetup: ['test/install-tarballs.ts'], testTimeout: 60_000 },
});
