import { defineConfig } from 'vite';

export default defineConfig({
  // nanostores reads process.env.NODE_ENV; the bundle must define it.
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') },
  build: { target: 'es2022' },
});
