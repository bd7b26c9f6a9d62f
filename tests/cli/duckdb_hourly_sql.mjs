// The SQL of docs/importing.md, run: for estates too big for one desktop the
// docs give a DuckDB query (and its Athena twin) that turns invocation logs
// into the hourly CSV. This test takes both queries from the document itself,
// checks that they are the same query (the same output columns, the same
// fields read), runs the DuckDB one on generated logs, imports the CSV it
// writes with `import hourly-csv` and compares the groups with what
// `import invocation-logs` makes of the same logs, to the token.
//
//   node duckdb_hourly_sql.mjs --exe BEDROCK_WHATIF --doc docs/importing.md --work DIR
//
// DuckDB is installed into DIR/node_modules (`npm install @duckdb/node-api`)
// the first time; the test is skipped (exit 77) only when the npm registry
// cannot be reached and DuckDB is not installed yet.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SKIP = 77;
const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

function option(name) {
  const at = process.argv.indexOf(name);
  if (at < 0 || at + 1 >= process.argv.length) fail(`missing ${name}`);
  return process.argv[at + 1];
}

const exe = option('--exe');
const doc = option('--doc');
const work = path.resolve(option('--work'));
mkdirSync(work, { recursive: true });

// --- DuckDB, installed into the build folder at the first run ---------------
const modules = path.join(work, 'node_modules');
if (!existsSync(path.join(modules, '@duckdb', 'node-api'))) {
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', work,
                                    DUCKDB_PACKAGE], { encoding: 'utf8' });
  if (install.status !== 0) {
    const ping = spawnSync('npm', ['ping'], { encoding: 'utf8', timeout: 30000 });
    if (ping.status !== 0) {
      console.log(`SKIP: the npm registry is unreachable, so ${DUCKDB_PACKAGE} cannot be ` +
                  `installed (npm ping: ${(ping.stderr || ping.error || '').toString().trim()})`);
      process.exit(SKIP);
    }
    fail(`npm install ${DUCKDB_PACKAGE} failed although the registry answers:\n` +
         install.stdout + install.stderr);
  }
}
const require = createRequire(path.join(modules, 'noop.js'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

// --- The two queries, from the document --------------------------------------
const text = readFileSync(doc, 'utf8');
function block(marker) {
  const blocks = [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const found = blocks.filter((b) => b.startsWith(marker));
  if (found.length !== 1) fail(`${doc}: expected one sql block starting "${marker}", found ${found.length}`);
  return found[0];
}
const duckSql = block('-- DuckDB: invocation logs to the hourly CSV');
const athenaSql = block('-- Athena: invocation logs to the hourly CSV');

// Side by side they must stay one query: the output columns in the hourly
// CSV's order, and the same log fields read.
const HEADER = 'hour,key,model,tier,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens';
function outputColumns(sql) {
  return [...sql.matchAll(/\bAS\s+([a-z_]+)\s*(?:,|\n|$)/gi)].map((m) => m[1].toLowerCase())
    .filter((name) => HEADER.split(',').includes(name));
}
for (const [name, sql] of [['DuckDB', duckSql], ['Athena', athenaSql]]) {
  const columns = outputColumns(sql).join(',');
  if (columns !== HEADER) fail(`the ${name} query's columns are "${columns}", not "${HEADER}"`);
}
const FIELDS = ['timestamp', 'modelid', 'requestmetadata', 'team', 'inputtokencount',
                'outputtokencount', 'cachereadinputtokencount', 'cachewriteinputtokencount',
                'cachereadinputtokens', 'cachewriteinputtokens'];
for (const field of FIELDS) {
  const inDuck = new RegExp(`\\b${field}\\b`, 'i').test(duckSql);
  const inAthena = new RegExp(`\\b${field}\\b`, 'i').test(athenaSql);
  if (!inDuck || !inAthena) fail(`the field ${field} is read by ${inDuck ? 'DuckDB' : 'Athena'} only`);
}

// --- Logs: deterministic, with what real ones have -------------------------
let seed = 20261205;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const MODELS = [
  'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-haiku-4-5-20251001-v1:0',
  'amazon.nova-lite-v1:0', 'amazon.nova-pro-v1:0+flex', 'eu.amazon.nova-micro-v1:0',
  'global.anthropic.claude-sonnet-4-6', 'anthropic.claude-3-haiku-20240307-v1:0',
];
const TEAMS = ['search', 'claims', 'ledger', null];
const lines = [];
const start = Date.UTC(2026, 10, 23, 0, 0, 0);
for (let i = 0; i < 4000; ++i) {
  const team = pick(TEAMS);
  const ms = start + Math.floor(random() * 3 * 86400) * 1000 + (random() < 0.3 ? 123 : 0);
  const stamp = new Date(ms).toISOString().replace('.000Z', 'Z');
  const input = { inputContentType: 'application/json',
                  inputBodyJson: { messages: [{ role: 'user', content: [{ text: `q ${i} "quoted"\n` }] }] },
                  inputTokenCount: Math.floor(random() * 5000) };
  const cached = random();
  if (cached < 0.3) {
    input.cacheReadInputTokenCount = Math.floor(random() * 4096);
    input.cacheWriteInputTokenCount = Math.floor(random() * 1024);
  } else if (cached < 0.5) {
    input.cacheReadInputTokens = Math.floor(random() * 4096); // the API's spelling
    input.cacheWriteInputTokens = 0;
  }
  const record = {
    schemaType: 'ModelInvocationLog', schemaVersion: '1.0', timestamp: stamp, accountId: '123456789012',
    identity: { arn: `arn:aws:sts::123456789012:assumed-role/${team ?? 'batch'}-role/s${i % 7}` },
    region: 'us-east-1', requestId: `r${i}`, operation: pick(['Converse', 'InvokeModel', 'ConverseStream']),
    modelId: pick(MODELS), input,
  };
  if (random() < 0.95) {
    record.output = { outputContentType: 'application/json',
                      outputBodyJson: { stopReason: 'end_turn' },
                      outputTokenCount: Math.floor(random() * 800) };
  }
  if (random() < 0.2) record.inferenceRegion = pick(['us-west-2', 'us-east-2']);
  if (team) record.requestMetadata = { team, costCentre: 'CC-1' };
  lines.push(JSON.stringify(record));
}
const logs = path.join(work, 'logs.jsonl');
writeFileSync(logs, lines.join('\n') + '\n');

// --- The DuckDB query, on the local file -------------------------------------
const hourly = path.join(work, 'hourly.csv');
const quote = (p) => `'${p.replaceAll("'", "''")}'`;
const runnable = duckSql
  .replace(/read_json\('[^']*'/, `read_json(${quote(logs)}`)
  .replace(/TO '[^']*'/, `TO ${quote(hourly)}`);
if (!runnable.includes(quote(logs)) || !runnable.includes(quote(hourly))) {
  fail('the DuckDB query has no read_json(\'…\') source or TO \'…\' target to point at the test files');
}
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
for (const statement of runnable.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
  await connection.run(statement);
}

// --- Both ways through the importer ------------------------------------------
function imported(args) {
  const json = JSON.parse(execFileSync(exe, ['import', ...args, '--json'], { encoding: 'utf8',
                                                                         maxBuffer: 1 << 28 }));
  return json;
}
const viaSql = imported(['hourly-csv', hourly]);
const direct = imported(['invocation-logs', logs, '--group-by', 'requestMetadata.team']);
if (direct.skipped_lines !== 0 || viaSql.skipped_lines !== 0) {
  fail(`lines skipped: ${direct.skipped_lines} by the importer, ${viaSql.skipped_lines} in the CSV`);
}
const FIELDS_COMPARED = ['key', 'model', 'tier', 'requests', 'input_tokens', 'output_tokens',
                         'cache_read_tokens', 'cache_write_tokens', 'hours', 'in_ratecard', 'scopes'];
const shape = (json) => json.groups.map((g) => JSON.stringify(
  Object.fromEntries(FIELDS_COMPARED.map((f) => [f, g[f]]))));
const a = shape(direct);
const b = shape(viaSql);
if (a.length === 0) fail('no groups');
const differ = a.length !== b.length || a.some((row, i) => row !== b[i]);
if (differ) {
  fail(`the DuckDB SQL's hourly CSV gives other groups than the importer:\n` +
       `importer:\n  ${a.join('\n  ')}\nDuckDB SQL → hourly CSV:\n  ${b.join('\n  ')}`);
}
const requests = direct.groups.reduce((sum, g) => sum + g.requests, 0);
const tokens = direct.groups.reduce((sum, g) => sum + g.input_tokens + g.output_tokens, 0);
console.log(`OK: ${a.length} groups, ${requests} requests and ${tokens} input and output tokens ` +
            `agree (DuckDB SQL of ${doc}; the Athena query has the same columns and fields)`);
