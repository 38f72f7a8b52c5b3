const Module = require('node:module');
const path = require('node:path');
const egDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const ts42 = require.resolve('typescript', { paths: [egDir] });
console.error('ts for estree:', ts42);
const orig = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && /typescript-estree/.test(parent.filename)) return ts42;
  return orig.call(this, request, parent, ...rest);
};
process.argv = [process.argv[0], path.join(egDir, 'dist/index.js'), ...process.argv.slice(2)];
require(path.join(egDir, 'dist/index.js'));
