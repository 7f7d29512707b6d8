import { describe, expect, it } from 'vitest';
import { javaAvailable } from './engines.js';

/**
 * Whether the DynamoDB Local suites can run. Without Java they are skipped with a loud
 * warning on a developer machine, but in CI (`CI=true`) a missing Java fails the run: CI
 * must prove the invariants on AWS's own emulator, not silently skip it.
 */
export const dynamoDbLocalRunnable = (): boolean => {
  const java = javaAvailable();
  if (!java && process.env.CI === 'true') {
    describe('DynamoDB Local', () => {
      it('has Java available in CI', () => {
        expect(java, 'CI=true requires Java ≥ 17 to run DynamoDB Local').toBe(true);
      });
    });
  } else if (!java) {
    console.warn(
      [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '!!  WARNING: `java` not found — DynamoDB Local tests are NOT running.     !!',
        "!!  Install Java 17+ to prove the adapter on AWS's own emulator.          !!",
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '',
      ].join('\n'),
    );
  }
  return java;
};
