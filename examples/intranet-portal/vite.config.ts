import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { prerender } from './src/prerender.ts';

// The portal talks to the reference server through this origin: `/api` (the HTTP contract) and
// `/r` (tracking redirects) are proxied to it, so the browser sees one origin and needs no CORS.
const server = process.env.ADVOCACY_SERVER_URL ?? 'http://127.0.0.1:8787';
const proxy = {
  '/api': { target: server, changeOrigin: false },
  '/r/': { target: server, changeOrigin: false },
};

/** Fills the pages' text in Japanese, the demo's first language, before the first paint. */
const prerenderText: Plugin = {
  name: 'portal-prerender-text',
  transformIndexHtml: { order: 'pre', handler: (html) => prerender(html, 'ja') },
};

/**
 * Puts the (small) stylesheet inside each page instead of linking it, so nothing blocks the
 * first paint on a round trip.
 */
const inlineStylesheet: Plugin = {
  name: 'portal-inline-stylesheet',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, context) {
      return html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
        const asset = context.bundle?.[file];
        if (asset?.type !== 'asset') return link;
        const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        return `<style>${css}</style>`;
      });
    },
  },
};

/** Files in `public/` the installed app needs offline (the manifest and its icons). */
const PUBLIC_SHELL = ['/manifest.webmanifest', '/logo.svg', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];
/** The pages that work offline; the admin page is left out (it shows nothing without the network). */
const OFFLINE_PAGES = ['index.html', 'signin.html'];

/**
 * Writes `dist/sw.js` from `src/sw.js`: the offline pages, every chunk and stylesheet they load
 * (static and lazy imports) and the public files become its shell, and a hash of them (names and
 * the pages' text) its cache version, so each build replaces the previous build's cache.
 */
const serviceWorker: Plugin = {
  name: 'portal-service-worker',
  apply: 'build',
  writeBundle(options, bundle) {
    const files = new Set<string>(PUBLIC_SHELL);
    const hash = createHash('sha256');
    const add = (fileName: string) => {
      const item = bundle[fileName];
      if (!item || files.has(`/${fileName}`)) return;
      files.add(`/${fileName}`);
      if (item.type === 'chunk') {
        for (const css of item.viteMetadata?.importedCss ?? []) add(css);
        for (const next of [...item.imports, ...item.dynamicImports]) add(next);
      }
    };
    for (const page of OFFLINE_PAGES) {
      const html = bundle[page];
      if (html?.type !== 'asset') throw new Error(`The build has no ${page}`);
      files.add(`/${page}`);
      hash.update(String(html.source));
      for (const [, src] of String(html.source).matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) add(src!);
    }
    const shell = [...files].sort();
    hash.update(shell.join('\n'));
    const version = hash.digest('hex').slice(0, 12);
    const source = readFileSync(resolve(import.meta.dirname, 'src', 'sw.js'), 'utf8')
      .replace("const VERSION = '__VERSION__';", `const VERSION = ${JSON.stringify(version)};`)
      .replace('const SHELL = __SHELL__;', `const SHELL = ${JSON.stringify(shell)};`);
    if (source.includes("= '__VERSION__'") || source.includes('= __SHELL__')) throw new Error('src/sw.js: the placeholders moved');
    writeFileSync(join(options.dir!, 'sw.js'), source);
  },
};

export default defineConfig({
  plugins: [prerenderText, inlineStylesheet, serviceWorker],
  // nanostores reads process.env.NODE_ENV; the bundle must define it.
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        home: resolve(import.meta.dirname, 'index.html'),
        signin: resolve(import.meta.dirname, 'signin.html'),
        admin: resolve(import.meta.dirname, 'admin.html'),
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
