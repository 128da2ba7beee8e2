#!/usr/bin/env node
// CommonJS (bin/package.json): require() of the ESM bundle starts faster than an ESM entry point.
require('../dist/cli.js');
