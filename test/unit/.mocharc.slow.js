// The slow unit tier: the files the fast tier (.mocharc.json) leaves out under "ignore",
// which is the one list of them. They start processes, build bundles, run vsce, or work
// through large or generated inputs, so each test gets a longer bound.
'use strict';
const path = require('path');
const fs = require('fs');

const fast = JSON.parse(fs.readFileSync(path.join(__dirname, '.mocharc.json'), 'utf8'));

module.exports = {
  spec: fast.ignore,
  reporter: 'spec',
  timeout: 180000,
  'enable-source-maps': true,
  require: ['out/test/unit/seed.js'],
};
