// Type-checks the BUILT declarations (dist/*.d.ts) as an integrator's project sees them: with
// `skipLibCheck: false`, `types: []` and NodeNext resolution through the package's exports.
//
// 1. test/types/feed-only: imports only `define/advocacy-feed.js` and uses the tag, its events on
//    document, window and the element, with `@ts-expect-error` lines for wrong types.
// 2. One program per entry point that registers tags (every `define/*.js`, `all.js`, `admin.js`):
//    importing it alone must type each tag it registers in HTMLElementTagNameMap and the events
//    in GlobalEventHandlersEventMap.
// 3. The main entry exports every component class (each `export class` in src/*/*.component.ts).
// Programs 1 and 3 also check every declaration file they reach (skipLibCheck: false).
//
// Run after `pnpm build`; part of this package's `pnpm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtureDir = join(root, 'test/types/feed-only');
if (!existsSync(join(root, 'dist/index.d.ts'))) {
  console.error('check-types: dist/ is missing; run `pnpm build` first.');
  process.exit(1);
}

const config = ts.getParsedCommandLineOfConfigFile(
  join(fixtureDir, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
const options = config.options;
// Checking every declaration file (lib.dom included) costs seconds per program: the fixture and
// the main entry (which reaches every component) do it; the per-entry-point programs check only
// their own source, which is what proves that the types arrive.
const quickOptions = { ...options, skipLibCheck: true };

// One host for every program, so lib and dist declarations are parsed once.
const virtualFiles = new Map();
const cache = new Map();
const host = ts.createCompilerHost(options);
const readFile = host.readFile.bind(host);
const fileExists = host.fileExists.bind(host);
host.readFile = (file) => virtualFiles.get(file) ?? readFile(file);
host.fileExists = (file) => virtualFiles.has(file) || fileExists(file);
host.getSourceFile = (file, languageVersion) => {
  if (virtualFiles.has(file)) return ts.createSourceFile(file, virtualFiles.get(file), languageVersion, true);
  if (!cache.has(file)) {
    const text = readFile(file);
    cache.set(file, text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion, true));
  }
  return cache.get(file);
};

let failures = 0;
function check(name, rootFile, { libCheck = false } = {}) {
  const program = ts.createProgram([rootFile], libCheck ? options : quickOptions, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length === 0) {
    console.log(`ok - ${name}`);
    return;
  }
  failures++;
  console.log(`not ok - ${name}`);
  console.log(
    ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }),
  );
}

function checkSource(name, source, checkOptions) {
  const file = join(fixtureDir, `${name.replace(/[^a-z0-9]+/gi, '-')}.generated.ts`);
  virtualFiles.set(file, source);
  check(name, file, checkOptions);
  virtualFiles.delete(file);
}

/** The source checking that importing `specifier` alone types `tags` and the events. */
function entryPointSource(specifier, tags) {
  return [
    `import '${specifier}';`,
    ...tags.map((tag, i) => `export const element${i}: HTMLElementTagNameMap['${tag}'] = document.createElement('${tag}');`),
    `document.addEventListener('advocacy-error', (event) => { const source: string = event.detail.source; void source; });`,
    '',
  ].join('\n');
}

check('define/advocacy-feed.js alone (test/types/feed-only)', join(fixtureDir, 'index.ts'), { libCheck: true });

const defineModules = readdirSync(join(root, 'src/define'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
for (const module of defineModules) {
  checkSource(`define/${module}.js alone`, entryPointSource(`@advocacy-kit/elements/define/${module}.js`, [module]));
}
for (const bundle of ['all', 'admin']) {
  const source = readFileSync(join(root, `src/${bundle}.ts`), 'utf8');
  const tags = [...source.matchAll(/import '\.\/define\/(advocacy-[a-z-]+)\.js';/g)].map((match) => match[1]);
  checkSource(`${bundle}.js alone (${tags.length} tags)`, entryPointSource(`@advocacy-kit/elements/${bundle}.js`, tags));
}

const classes = [];
for (const entry of readdirSync(join(root, 'src'), { withFileTypes: true })) {
  const component = join(root, 'src', entry.name, `${entry.name}.component.ts`);
  if (!entry.isDirectory() || !existsSync(component)) continue;
  for (const match of readFileSync(component, 'utf8').matchAll(/^export class (\w+)/gm)) classes.push(match[1]);
}
classes.sort();
checkSource(
  `the main entry exports every component class (${classes.length})`,
  `import { ${classes.join(', ')} } from '@advocacy-kit/elements';\nexport const classes = [${classes.join(', ')}];\n`,
  { libCheck: true },
);

console.log(failures === 0 ? 'check-types: all passed' : `check-types: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
