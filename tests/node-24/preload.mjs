// Loaded with --import in every process of the Node 24 run: better-sqlite3 finds its addon through
// the `bindings` package, which looks in the package's own build directory — compiled for the
// machine's Node. This hands it the addon compiled for this Node (ADVOCACY_SQLITE_ADDON) instead.
import Module from 'node:module';
import { sep } from 'node:path';

const addon = process.env.ADVOCACY_SQLITE_ADDON;
if (!addon) throw new Error('preload.mjs: ADVOCACY_SQLITE_ADDON is not set');
const load = Module._load;
Module._load = function loadWithAddon(request, parent, isMain) {
  if (request === 'bindings' && parent?.filename?.includes(`${sep}better-sqlite3${sep}lib${sep}`)) {
    return () => load.call(this, addon, parent, false);
  }
  return load.call(this, request, parent, isMain);
};
