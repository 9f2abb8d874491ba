import { resolve } from 'node:path';
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

export default defineConfig({
  plugins: [prerenderText, inlineStylesheet],
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
