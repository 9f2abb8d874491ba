// An esbuild plugin that collapses the whitespace of the components' own html`…`, svg`…`
// and css`…` templates (the indentation of the source), the way minify-html-literals does.
// Every run of whitespace that contains a line break becomes a single space, which HTML and
// CSS render the same; in CSS, comments go, and so do spaces around { } ; , > and after a colon.
// The private custom properties (`--_surface`, …), which only the components' own CSS reads,
// get short names in the order src/styles/tokens.ts declares them.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const PRIVATE_PROPERTY = /--_[a-z][a-z-]*/g;
const tokensSource = readFileSync(new URL('../src/styles/tokens.ts', import.meta.url), 'utf8');
const shortNames = new Map([...new Set(tokensSource.match(PRIVATE_PROPERTY))].map((name, index) => [name, `--_${index.toString(36)}`]));

const HTML_TAGS = new Set(['html', 'svg', 'staticHtml']);

function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

function minifyCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // A space after a colon is never significant (before one it is: \`a :hover\`).
      .replace(/:\s+/g, ':')
      .replace(PRIVATE_PROPERTY, (name) => shortNames.get(name) ?? name)
  );
}

/** Rewrites the literal parts of tagged templates in one TypeScript source. */
export function minifyTemplates(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      const minify = tag === 'css' ? minifyCss : HTML_TAGS.has(tag) ? minifyHtml : null;
      if (minify) {
        const template = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const part of parts) {
          // The raw text sits between the delimiters: ` or } before, ` or ${ after.
          const start = part.getStart(file) + 1;
          const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
          edits.push({ start, end, text: minify(source.slice(start, end)) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

export const minifyTemplatesPlugin = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyTemplates(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
