import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CONSUMER_TSCONFIG, runIn, writeIn } from './project.js';

const README = new URL('../../../README.md', import.meta.url);

/** The first ```ts block of the README's "Library use" section, as a reader would paste it. */
const librarySnippet = (): string => {
  const section = readFileSync(README, 'utf8').split('\n## Library use\n')[1] ?? '';
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error('README has no ```ts block under "## Library use"');
  return code;
};

/** `import * as` every subpath of every package's exports map, so tsc reads every published .d.ts. */
const entriesModule = (): string => {
  const specifiers = inject('packed').flatMap((p) =>
    p.exports.map((subpath) => (subpath === '.' ? p.name : `${p.name}${subpath.slice(1)}`)),
  );
  const lines = specifiers.map((s, i) => `import * as entry${i} from '${s}';`);
  lines.push(`const entries = { ${specifiers.map((s, i) => `'${s}': entry${i}`).join(', ')} };`);
  lines.push(
    'console.log(JSON.stringify(Object.entries(entries).map(([s, m]) => [s, Object.keys(m).length])));',
  );
  return `${lines.join('\n')}\n`;
};

let compiling: Promise<{ stdout: string }> | undefined;
/** One tsc run over the entries and the snippet; every test here needs its output. */
const compile = () => {
  compiling ??= runIn('node_modules/.bin/tsc', ['-p', 'tsconfig.json']);
  return compiling;
};

describe('an outsider installing the packed tarballs', () => {
  beforeAll(async () => {
    writeIn('tsconfig.json', JSON.stringify(CONSUMER_TSCONFIG));
    writeIn('entries.ts', entriesModule());
    // Printed at the end so the test can see the snippet really ran to its last line.
    writeIn(
      'snippet.ts',
      `${librarySnippet()}\nconsole.log(JSON.stringify(page.items.map((m) => m.text)));\n`,
    );
  });

  it('compiles a strict NodeNext consumer of every public entry with skipLibCheck off', async () => {
    // tsc prints nothing when the program type-checks (errors reject with tsc's output).
    const { stdout } = await compile();
    expect(stdout).toBe('');
  });

  it('loads every public entry at runtime, each exporting something', async () => {
    await compile();
    const { stdout } = await runIn('node', ['out/entries.js']);
    const loaded = JSON.parse(stdout) as Array<[string, number]>;
    expect(loaded.length).toBe(inject('packed').flatMap((p) => p.exports).length);
    for (const [specifier, exported] of loaded) expect(exported, specifier).toBeGreaterThan(0);
  });

  it("runs the README's library snippet: Linus reads Ada's message", async () => {
    await compile();
    const { stdout } = await runIn('node', ['out/snippet.js']);
    expect(JSON.parse(stdout)).toEqual(['Hi!']);
  });

  it('publishes no workspace-only export condition and ships a LICENSE', async () => {
    for (const { name } of inject('packed')) {
      const dir = `node_modules/${name}`;
      const { stdout } = await runIn('node', ['-p', `JSON.stringify(require('./${dir}/package.json'))`]);
      expect(stdout, name).not.toContain('@cruddur/source');
      const manifest = JSON.parse(stdout);
      expect(manifest.license, name).toBe('MIT');
      expect(manifest.engines?.node, name).toBeDefined();
      expect(manifest.repository?.url, name).toMatch(/^git\+https:/);
      await runIn('test', ['-s', `${dir}/LICENSE`]);
    }
  });
});
