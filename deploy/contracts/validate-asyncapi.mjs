// Validates AsyncAPI documents with @asyncapi/parser, the library `asyncapi validate` (the AsyncAPI
// CLI) runs: schema validation of the document plus the parser's built-in Spectral ruleset.
// Usage: node validate-asyncapi.mjs FILE...   Prints each diagnostic, then one JSON line
// {"files":N,"errors":E,"warnings":W}; exits 1 when any file has an error.
import { Parser, fromFile } from '@asyncapi/parser';

const SEVERITY = ['error', 'warning', 'info', 'hint'];
const parser = new Parser();
let errors = 0;
let warnings = 0;
for (const file of process.argv.slice(2)) {
  const { document, diagnostics } = await fromFile(parser, file).parse();
  for (const d of diagnostics) {
    const severity = SEVERITY[d.severity] ?? String(d.severity);
    if (d.severity === 0) errors++;
    if (d.severity === 1) warnings++;
    const line = d.range?.start ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '-';
    console.log(`${file}:${line} ${severity} ${d.code} ${d.message} (${(d.path ?? []).join('.')})`);
  }
  if (!document && !diagnostics.some((d) => d.severity === 0)) {
    errors++;
    console.log(`${file}: error could not be parsed`);
  }
}
console.log(JSON.stringify({ files: process.argv.length - 2, errors, warnings }));
process.exit(errors > 0 ? 1 : 0);
