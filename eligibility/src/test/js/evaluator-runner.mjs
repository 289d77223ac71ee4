// Runs the field app's on-phone evaluator for JsEvaluatorConformanceTest: argv[2] is the evaluator
// file, argv[3] a JSON file of {version: ruleset}. Then one JSON request per stdin line,
// {"version", "request"}, answers one line each: {"answer"} or {"errors"} (or {"crash"}).
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const source = readFileSync(process.argv[2], 'utf8');
const evaluator = await import('data:text/javascript;base64,' + Buffer.from(source).toString('base64'));
const rulesets = JSON.parse(readFileSync(process.argv[3], 'utf8'));

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { version, request } = JSON.parse(line);
  let reply;
  try {
    reply = { answer: evaluator.assess(rulesets[version], request) };
  } catch (e) {
    reply = e instanceof evaluator.InvalidAssessment ? { errors: e.errors } : { crash: String(e && e.stack || e) };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
}
