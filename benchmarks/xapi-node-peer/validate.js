'use strict';
// Validates every statement of an NDJSON file with @learninglocker/xapi-validation (read, JSON.parse, validate)
// and prints statements/s by wall clock and by process CPU time. Usage: node validate.js FILE [PASSES]
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

const file = process.argv[2];
const passes = Number(process.argv[3] || 1);
if (!file) {
  console.error('usage: node validate.js FILE.ndjson');
  process.exit(2);
}

function run() {
  const text = fs.readFileSync(file, 'utf8');
  let start = 0;
  let statements = 0;
  let withWarnings = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const warnings = validate(JSON.parse(text.slice(start, end)));
      statements++;
      if (warnings.length > 0) withWarnings++;
    }
    start = end + 1;
  }
  return { statements, withWarnings };
}

run(); // warm-up pass (JIT)
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let statements = 0;
let withWarnings = 0;
for (let p = 0; p < passes; p++) {
  const r = run();
  statements += r.statements;
  withWarnings += r.withWarnings;
}
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuUsage = process.cpuUsage(cpu0);
const cpu = (cpuUsage.user + cpuUsage.system) / 1e6;
console.log(`node @learninglocker/xapi-validation: ${statements} statements (${withWarnings} with warnings), ` +
  `wall ${wall.toFixed(3)} s = ${Math.round(statements / wall)} statements/s, ` +
  `cpu ${cpu.toFixed(3)} s = ${Math.round(statements / cpu)} statements/cpu-s`);
