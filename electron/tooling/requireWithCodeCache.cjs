// Load a CommonJS bundle with a V8 code cache kept next to it, so each run of the CLI skips
// parsing and compiling the ~3 MB bundle (Node 20 has no module.enableCompileCache). The cache
// is keyed by command (functions compiled by `export` differ from those of `validate`), is
// rejected by V8 itself when the bundle or Node changes, and is rewritten then. Any failure
// falls back to a plain require: the cache is only ever a speed-up.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

function requireWithCodeCache(file, key) {
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return require(file);
  }
  const cacheFile = `${file}.${/^[a-z-]{1,20}$/.test(key ?? '') ? key : 'default'}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit so the functions this run compiled lazily are in the cache too.
    process.once('exit', () => {
      try {
        const temp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        // A read-only install folder just means no cache.
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  const wrapper = script.runInThisContext();
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

module.exports = { requireWithCodeCache };
