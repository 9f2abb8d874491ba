// Collects what went wrong on a test page, for the bundle tests to read from outside.
window.bundleProblems = { errors: [], warnings: [], violations: [] };
window.addEventListener('error', (event) => window.bundleProblems.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.bundleProblems.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  window.bundleProblems.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
);
const warn = console.warn.bind(console);
console.warn = (...args) => {
  window.bundleProblems.warnings.push(args.map(String).join(' '));
  warn(...args);
};
