// Turns the analyzer's custom-elements.json into the manifest this package publishes, and derives
// the editor data from it. Runs after `cem analyze` in `pnpm build`.
//
// - Module paths point at the published files (`dist/feed/feed.component.js`, not `src/…ts`), and
//   each `dist/define/<tag>.js` module is listed with its `custom-element-definition` export.
// - Every event gets its type from `AdvocacyEventMap` (src/internal/events.ts), the one place the
//   detail types are written; an event missing from the map fails the build.
// - Every element has a description (its `@summary` when the class has no longer text).
// - Attributes declared through a shared property (`heading-level`) get their real name, and
//   private state the analyzer took for attributes is dropped.
// - `vscode.html-custom-data.json` (VS Code) and `web-types.json` (JetBrains) are written from it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const docsUrl = `${pkg.homepage ?? 'https://github.com/advocacy-kit/advocacy-kit/tree/main/packages/elements'}`.replace(/#.*$/, '');

const problems = [];

/** `src/feed/feed.component.ts` or `/src/feed/feed.component.js` → `dist/feed/feed.component.js`. */
function published(path) {
  return path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** Event name → its type, from the AdvocacyEventMap interface. */
function eventTypes() {
  const source = readFileSync(join(root, 'src/internal/events.ts'), 'utf8');
  const body = source.match(/export interface AdvocacyEventMap \{([\s\S]*?)\n\}/)?.[1];
  if (!body) throw new Error('manifest: AdvocacyEventMap not found in src/internal/events.ts');
  return new Map([...body.matchAll(/'(advocacy-[a-z-]+)': (CustomEvent<\w+>);/g)].map((match) => [match[1], match[2]]));
}

/** Field name → attribute name for properties declared with a shared options object. */
function sharedAttributes() {
  const heading = readFileSync(join(root, 'src/internal/heading.ts'), 'utf8');
  const attribute = heading.match(/headingLevelProperty = \{[^}]*attribute: '([^']+)'/)?.[1];
  return new Map(attribute ? [['headingLevel', attribute]] : []);
}

const events = eventTypes();
const attributesByField = sharedAttributes();
const elements = [];

for (const module of manifest.modules) {
  module.path = published(module.path);
  for (const declaration of module.declarations ?? []) {
    for (const reference of [declaration.superclass, ...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
      if (reference?.module) reference.module = published(reference.module);
      if (reference?.inheritedFrom?.module) reference.inheritedFrom.module = published(reference.inheritedFrom.module);
    }
    if (!declaration.customElement || !declaration.tagName) continue;
    elements.push({ declaration, module: module.path });
    if (!declaration.description) declaration.description = declaration.summary ?? '';
    if (!declaration.description.trim()) problems.push(`<${declaration.tagName}> has no description (@summary)`);
    // Internal state the analyzer took for attributes (private or protected fields).
    const internal = new Set(
      (declaration.members ?? []).filter((member) => (member.privacy ?? 'public') !== 'public').map((member) => member.name),
    );
    declaration.attributes = (declaration.attributes ?? []).filter((attribute) => !internal.has(attribute.fieldName));
    for (const attribute of declaration.attributes) {
      const name = attributesByField.get(attribute.fieldName);
      if (name && attribute.name === attribute.fieldName) attribute.name = name;
    }
    for (const event of declaration.events ?? []) {
      const type = events.get(event.name);
      if (type) event.type = { text: type };
      else problems.push(`<${declaration.tagName}> dispatches ${event.name}, which AdvocacyEventMap does not declare`);
    }
  }
  for (const entry of module.exports ?? []) {
    if (entry.declaration?.module) entry.declaration.module = published(entry.declaration.module);
  }
}

// One module per define entry point: `defineElement(tagFor('feed'), AdvocacyFeedElement)`.
const byClass = new Map(elements.map((element) => [element.declaration.name, element]));
const defineModules = [];
for (const file of readdirSync(join(root, 'src/define')).sort()) {
  const source = readFileSync(join(root, 'src/define', file), 'utf8');
  const calls = [...source.matchAll(/defineElement\(tagFor\('([a-z-]+)'\), (\w+)\)/g)];
  if (calls.length === 0) problems.push(`src/define/${file} defines no element`);
  defineModules.push({
    kind: 'javascript-module',
    path: `dist/define/${file.replace(/\.ts$/, '.js')}`,
    declarations: [],
    exports: calls.map(([, base, className]) => {
      const element = byClass.get(className);
      if (!element) problems.push(`src/define/${file}: ${className} is not in the manifest`);
      if (element && element.declaration.tagName !== `advocacy-${base}`) {
        problems.push(`src/define/${file}: registers ${className} as advocacy-${base}, its @tag says ${element.declaration.tagName}`);
      }
      return {
        kind: 'custom-element-definition',
        name: `advocacy-${base}`,
        declaration: { name: className, module: element?.module ?? '' },
      };
    }),
  });
}
manifest.modules.push(...defineModules);

if (problems.length > 0) {
  console.error(`manifest: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

/** The string literals of a union type (`'light' | 'dark' | undefined` → light, dark). */
function literals(typeText = '') {
  const parts = typeText.split('|').map((part) => part.trim());
  const values = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  return values.length > 0 && values.length === parts.filter((part) => part !== 'undefined' && part !== 'null').length ? values : [];
}

const publicFields = (declaration) =>
  (declaration.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      (member.privacy ?? 'public') === 'public' &&
      !member.name.endsWith('_') &&
      !member.readonly,
  );
const tagDocs = (tag) => `${docsUrl}#${tag}`;
const sorted = [...elements].sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: sorted.map(({ declaration }) => ({
    name: declaration.tagName,
    description: declaration.description,
    attributes: (declaration.attributes ?? []).map((attribute) => {
      const values = literals(attribute.type?.text);
      return {
        name: attribute.name,
        description: attribute.description ?? '',
        ...(values.length > 0 ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
    references: [{ name: 'Documentation', url: tagDocs(declaration.tagName) }],
  })),
};

const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: sorted.map(({ declaration }) => ({
        name: declaration.tagName,
        description: declaration.description,
        'doc-url': tagDocs(declaration.tagName),
        attributes: (declaration.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          value: { type: attribute.type?.text ?? 'string', required: false },
        })),
        slots: (declaration.slots ?? []).map((slot) => ({ name: slot.name, description: slot.description ?? '' })),
        events: (declaration.events ?? []).map((event) => ({ name: event.name, description: event.description ?? '' })),
        js: {
          properties: publicFields(declaration).map((field) => ({
            name: field.name,
            description: field.description ?? '',
            ...(field.type?.text ? { type: field.type.text } : {}),
          })),
          events: (declaration.events ?? []).map((event) => ({
            name: event.name,
            description: event.description ?? '',
            ...(event.type ? { type: event.type.text } : {}),
          })),
        },
      })),
    },
  },
};

const write = (file, data) => writeFileSync(join(root, file), `${JSON.stringify(data, null, 2)}\n`);
write('custom-elements.json', manifest);
write('vscode.html-custom-data.json', vscode);
write('web-types.json', webTypes);
console.log(
  `manifest: ${elements.length} elements, ${defineModules.length} define modules; wrote vscode.html-custom-data.json and web-types.json`,
);
