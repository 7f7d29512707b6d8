import { defineConfig } from 'vitest/config';
import { testConfig } from '../../vitest.shared.js';

// The browser suite starts one host and one Chromium; its files share them, so they run in one worker.
export default defineConfig({
  ...testConfig,
  test: { ...testConfig.test, fileParallelism: false, testTimeout: 60_000, hookTimeout: 240_000 },
});
