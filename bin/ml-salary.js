#!/usr/bin/env node
// CommonJS (bin/package.json), like the bundle it starts: dist/cli.cjs is a CommonJS script,
// which V8 compiles lazily (an ES module is compiled whole before it runs).
require('../dist/cli.cjs');
