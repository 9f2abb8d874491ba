// nanostores (inside the unbundled core this page imports) reads process.env.NODE_ENV.
window.process = { env: { NODE_ENV: 'production' } };
