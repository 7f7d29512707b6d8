import { spawnSync } from 'node:child_process';

export const javaAvailable = (): boolean => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

const MISSING_JAVA_WARNING = [
  '',
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '!!  WARNING: `java` not found — DynamoDB Local tests are NOT running.     !!',
  "!!  Install Java 17+ to prove the adapter on AWS's own emulator.          !!",
  '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
  '',
].join('\n');

/**
 * Whether the DynamoDB Local suites can run (`describe.runIf(dynamoDbLocalRunnable())`).
 * Without Java they are skipped with a loud warning on a developer machine, but in CI
 * (`CI=true`) a missing Java throws, failing the run: CI must prove the invariants on AWS's
 * own emulator, not silently skip it.
 */
export const dynamoDbLocalRunnable = (): boolean => {
  if (javaAvailable()) return true;
  if (process.env.CI === 'true') throw new Error('CI=true requires Java ≥ 17 to run DynamoDB Local');
  console.warn(MISSING_JAVA_WARNING);
  return false;
};
