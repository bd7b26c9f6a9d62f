// The same aggregation as `bedrock-whatif import invocation-logs FILE
// --group-by requestMetadata.team`, done by DuckDB's read_json with a column
// list, for the benchmark comparison in docs/benchmarks.md. DuckDB is not a
// dependency of the program; install it for the benchmark only:
//
//   mkdir -p /tmp/duckbench && cd /tmp/duckbench && npm install @duckdb/node-api
//   NODE_PATH=/tmp/duckbench/node_modules node tests/bench/duckdb_invocation_logs.mjs FILE [THREADS]
//
// (ES modules ignore NODE_PATH, so the script resolves the package from
// /tmp/duckbench or DUCKDB_NODE_MODULES.)
import { createRequire } from 'node:module';
import { statSync } from 'node:fs';
import path from 'node:path';

const modules = process.env.DUCKDB_NODE_MODULES ?? '/tmp/duckbench/node_modules';
const require = createRequire(path.join(modules, 'noop.js'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

const [file, threads = '2', repeat = '3'] = process.argv.slice(2);
if (!file) {
  console.error('usage: duckdb_invocation_logs.mjs FILE [THREADS] [REPEAT]');
  process.exit(2);
}
const megabytes = statSync(file).size / 1e6;
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const quoted = file.replaceAll("'", "''");
// Both cache-token spellings, as the importer reads them; percentiles per request.
const sql = `
  SELECT requestMetadata.team AS key, modelId AS model,
         count(*) AS requests,
         sum(input.inputTokenCount) AS input_tokens,
         sum(output.outputTokenCount) AS output_tokens,
         sum(coalesce(input.cacheReadInputTokenCount, input.cacheReadInputTokens, 0)) AS cache_read_tokens,
         sum(coalesce(input.cacheWriteInputTokenCount, input.cacheWriteInputTokens, 0)) AS cache_write_tokens,
         count(DISTINCT date_trunc('hour', "timestamp")) AS hours,
         min("timestamp") AS first, max("timestamp") AS last,
         approx_quantile(input.inputTokenCount, [0.5, 0.95]) AS input_p50_p95,
         approx_quantile(output.outputTokenCount, [0.5, 0.95]) AS output_p50_p95
  FROM read_json('${quoted}', format = 'newline_delimited', maximum_object_size = 67108864,
       columns = {
         "timestamp": 'TIMESTAMP', modelId: 'VARCHAR',
         requestMetadata: 'STRUCT(team VARCHAR)',
         input: 'STRUCT(inputTokenCount BIGINT, cacheReadInputTokenCount BIGINT, cacheWriteInputTokenCount BIGINT, cacheReadInputTokens BIGINT, cacheWriteInputTokens BIGINT)',
         output: 'STRUCT(outputTokenCount BIGINT)'
       })
  GROUP BY ALL ORDER BY ALL`;
let best = Infinity;
let rows = [];
for (let run = 0; run < Number(repeat); ++run) {
  const start = process.hrtime.bigint();
  const reader = await connection.runAndReadAll(sql);
  rows = reader.getRowObjects();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  best = Math.min(best, seconds);
  console.log(`duckdb read_json: ${megabytes.toFixed(1)} MB in ${seconds.toFixed(3)} s ` +
              `(${(megabytes / seconds).toFixed(0)} MB/s), ${threads} threads, ${rows.length} groups`);
}
const requests = rows.reduce((sum, row) => sum + Number(row.requests), 0);
const input = rows.reduce((sum, row) => sum + Number(row.input_tokens), 0);
console.log(`best ${(megabytes / best).toFixed(0)} MB/s; requests ${requests}, input tokens ${input}`);
