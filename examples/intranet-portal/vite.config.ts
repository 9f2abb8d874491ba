import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The portal talks to the reference server through this origin: `/api` (the HTTP contract) and
// `/r` (tracking redirects) are proxied to it, so the browser sees one origin and needs no CORS.
const server = process.env.ADVOCACY_SERVER_URL ?? 'http://127.0.0.1:8787';
const proxy = {
  '/api': { target: server, changeOrigin: false },
  '/r/': { target: server, changeOrigin: false },
};

export default defineConfig({
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
