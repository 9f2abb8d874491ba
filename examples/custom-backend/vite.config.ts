import { defineConfig } from 'vite';

// The page talks to the company API on the same origin: `/v2` and its link service `/r`.
const target = process.env.COMPANY_API_URL ?? 'http://127.0.0.1:8788';
const proxy = { '/v2': { target }, '/r/': { target } };

export default defineConfig({
  // nanostores reads process.env.NODE_ENV; the bundle must define it.
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') },
  build: { target: 'es2022', outDir: 'dist/page' },
  server: { proxy },
  preview: { proxy },
});
