import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const PACKED = ['dist', 'src', 'README.md', 'LICENSE', 'package.json'];

export interface Packed {
  readonly name: string;
  readonly tarball: string;
  readonly exports: readonly string[];
}

/** Every workspace of the root manifest that is not private: what would be published. */
const publishable = () =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).workspaces as string[])
    .filter((dir) => !dir.includes('*'))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true);

/**
 * Packs each package from a copy, so its prepack (which rewrites package.json) never touches
 * the workspace while other packages' tests resolve it. The copy keeps the layout the prepack
 * script is found by (`../../scripts`).
 */
const pack = async (stage: string, into: string): Promise<Packed[]> => {
  cpSync(join(ROOT, 'scripts'), join(stage, 'scripts'), { recursive: true });
  return Promise.all(
    publishable().map(async ({ dir, manifest }) => {
      const copy = join(stage, dir);
      for (const entry of PACKED) {
        cpSync(join(ROOT, dir, entry), join(copy, entry), { recursive: true });
      }
      const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', into], { cwd: copy });
      const [result] = JSON.parse(stdout) as Array<{ filename: string; size: number }>;
      if (result === undefined) throw new Error(`npm pack ${dir} printed nothing`);
      return {
        name: manifest.name,
        tarball: join(into, result.filename),
        exports: Object.keys(manifest.exports ?? {}),
      };
    }),
  );
};

/** Runs once for all test files: pack, then install the tarballs into a project outside the repo. */
export default async function setup(project: TestProject) {
  const base = mkdtempSync(join(tmpdir(), 'cruddur-outsider-'));
  const tarballs = join(base, 'tarballs');
  const app = join(base, 'app');
  mkdirSync(tarballs);
  mkdirSync(app);
  const packed = await pack(join(base, 'stage'), tarballs);
  const versions = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'outsider-app',
      private: true,
      type: 'module',
      dependencies: {
        ...Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`])),
        fastify: '^5.12.0',
        // What a consumer of `@cruddur/core/testing` adds; the others it needs for tsc.
        vitest: versions.vitest,
        typescript: versions.typescript,
        '@types/node': versions['@types/node'],
      },
    }),
  );
  // --prefer-offline: the workspace's own install filled npm's cache with every one of these.
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
  });
  project.provide('app', app);
  project.provide('packed', packed);
  return () => rmSync(base, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    app: string;
    packed: Packed[];
  }
}
