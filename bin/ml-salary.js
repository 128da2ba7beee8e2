#!/usr/bin/env node
'use strict';
// The executable: the program is dist/cli.cjs, built from src/ by scripts/build.mjs.
const [major, minor] = process.versions.node.split('.').map(Number);
// Node >= 22.1 can keep compiled code on disk between runs (it checks the cache itself).
if (major > 22 || (major === 22 && minor >= 1)) require('node:module').enableCompileCache();
require('../dist/cli.cjs');
