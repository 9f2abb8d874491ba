/**
 * The pnpm that started this script, as `[command, ...args]`, so nested steps use the same
 * version: `npm_execpath` is a JavaScript entry (run it with this Node) or, for pnpm's
 * standalone build, the executable itself.
 */
export function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (!execPath) return ['pnpm'];
  return /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
}
