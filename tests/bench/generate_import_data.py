#!/usr/bin/env python3
"""Generates realistic Bedrock import inputs for the import benchmarks.

  generate_import_data.py invocation-logs OUT.jsonl --mb 500
  generate_import_data.py cur OUT.csv --mb 500

Invocation-log records carry their prompts and completions (inputBodyJson and
outputBodyJson with escaped text, as Converse and InvokeModel log them), so
the parser sees the bytes a real bucket holds. A summary of the exact totals
is written to OUT.totals.json so the benchmark can check the import.
Files this large are not committed: generate them under /tmp.
"""
import argparse
import json
import random

MODELS = [
    "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    "amazon.nova-lite-v1:0",
    "amazon.nova-pro-v1:0+flex",
    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-premier-v1:0",
    "eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
]
TEAMS = ["search", "support", "ledger", "claims", "marketing", "risk"]
WORDS = ("the invoice total for account quarter shipment claim policy customer refund "
         "summary \"quoted\" line\nnext tab\t unicode é ü — 東京 emoji 🙂 json {\"k\": [1,2]} "
         "retrieval chunk context window token model latency answer question").split(" ")


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def invocation_logs(path, megabytes, seed, prompt_words=1400):
    rng = random.Random(seed)
    pool = [text(rng, rng.randint(20, prompt_words)) for _ in range(300)]
    totals = {}
    written = 0
    target = megabytes * 1024 * 1024
    start = 1764547200  # 2025-12-01T00:00:00Z, a Monday
    lines = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            model = rng.choice(MODELS)
            team = rng.choice(TEAMS)
            second = start + rng.randint(0, 28 * 86400 - 1)
            stamp = "%04d-%02d-%02dT%02d:%02d:%02dZ" % time_parts(second)
            tokens_in = rng.randint(50, 20000)
            tokens_out = rng.randint(10, 4000)
            cache_read = rng.choice([0, 0, 1024, 4096])
            cache_write = rng.choice([0, 0, 0, 2048])
            prompt = rng.choice(pool)
            answer = rng.choice(pool)
            cache_names = ("cacheReadInputTokenCount", "cacheWriteInputTokenCount") if rng.random() < 0.7 \
                else ("cacheReadInputTokens", "cacheWriteInputTokens")
            record = {
                "schemaType": "ModelInvocationLog", "schemaVersion": "1.0", "timestamp": stamp,
                "accountId": "123456789012",
                "identity": {"arn": "arn:aws:sts::123456789012:assumed-role/%s-role/session-%d" % (team, rng.randint(1, 99))},
                "region": "us-east-1", "requestId": "%032x" % rng.getrandbits(128),
                "operation": rng.choice(["Converse", "InvokeModel", "ConverseStream"]),
                "modelId": model, "inferenceRegion": rng.choice(["us-east-1", "us-west-2", "us-east-2"]),
                "requestMetadata": {"team": team, "costCentre": "CC-%d" % rng.randint(1000, 1010)},
                "input": {"inputContentType": "application/json",
                          "inputBodyJson": {"messages": [{"role": "user", "content": [{"text": prompt}]}],
                                            "system": [{"text": "You are a careful assistant."}],
                                            "inferenceConfig": {"maxTokens": 4096, "temperature": 0.2}},
                          "inputTokenCount": tokens_in, cache_names[0]: cache_read, cache_names[1]: cache_write},
                "output": {"outputContentType": "application/json",
                           "outputBodyJson": {"output": {"message": {"role": "assistant", "content": [{"text": answer}]}},
                                              "stopReason": "end_turn",
                                              "usage": {"inputTokens": tokens_in, "outputTokens": tokens_out},
                                              "metrics": {"latencyMs": rng.randint(200, 9000)}},
                           "outputTokenCount": tokens_out},
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            lines += 1
            key = (team, model)
            t = totals.setdefault("%s|%s" % key, [0, 0, 0, 0, 0])
            t[0] += 1; t[1] += tokens_in; t[2] += tokens_out; t[3] += cache_read; t[4] += cache_write
    with open(path + ".totals.json", "w") as out:
        json.dump({"lines": lines, "bytes": written, "groups": totals}, out, indent=1)


def time_parts(second):
    import datetime
    d = datetime.datetime.fromtimestamp(second, datetime.timezone.utc)
    return d.year, d.month, d.day, d.hour, d.minute, d.second


CUR_COLUMNS = ["identity_line_item_id", "identity_time_interval", "bill_invoice_id", "bill_billing_entity",
               "bill_bill_type", "bill_payer_account_id", "bill_billing_period_start_date",
               "bill_billing_period_end_date", "line_item_usage_account_id", "line_item_line_item_type",
               "line_item_usage_start_date", "line_item_usage_end_date", "line_item_product_code",
               "line_item_usage_type", "line_item_operation", "line_item_availability_zone",
               "line_item_resource_id", "line_item_usage_amount", "line_item_normalization_factor",
               "line_item_currency_code", "line_item_unblended_rate", "line_item_unblended_cost",
               "line_item_blended_rate", "line_item_blended_cost", "line_item_line_item_description",
               "line_item_tax_type", "line_item_legal_entity", "line_item_iam_principal",
               "product_product_name", "product_servicecode", "product_region_code", "product",
               "pricing_unit", "pricing_public_on_demand_rate", "pricing_public_on_demand_cost",
               "resource_tags"]
CUR_ROWS = [
    # product code, usage type, unit, rate per unit, product name, billing entity
    ("AmazonBedrock", "USE1-NovaPro-input-tokens", "1K tokens", 0.0008, "Amazon Bedrock", "AWS"),
    ("AmazonBedrock", "USE1-NovaPro-output-tokens", "1K tokens", 0.0032, "Amazon Bedrock", "AWS"),
    ("AmazonBedrock", "USE1-NovaLite-cache-read-input-token-count", "1K tokens", 0.000015, "Amazon Bedrock", "AWS"),
    ("AmazonBedrock", "USE1-NovaPro-input-tokens-batch", "1K tokens", 0.0004, "Amazon Bedrock", "AWS"),
    ("c5yr4dqz3bp8a1example", "USE1-MP:USE1_InputTokenCount-Units", "Units", 3.30,
     "Claude Sonnet 4.5 (Amazon Bedrock Edition)", "AWS Marketplace"),
    ("c5yr4dqz3bp8a1example", "USE1-MP:USE1_OutputTokenCount-Units", "Units", 16.50,
     "Claude Sonnet 4.5 (Amazon Bedrock Edition)", "AWS Marketplace"),
    ("AmazonEC2", "USE1-BoxUsage:m5.large", "Hrs", 0.096, "Amazon Elastic Compute Cloud", "AWS"),
    ("AmazonS3", "USE1-TimedStorage-ByteHrs", "GB-Mo", 0.023, "Amazon Simple Storage Service", "AWS"),
]


def cur(path, megabytes, seed):
    rng = random.Random(seed)
    target = megabytes * 1024 * 1024
    written = 0
    bedrock = 0.0
    lines = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        header = ",".join(CUR_COLUMNS) + "\n"
        out.write(header)
        written += len(header)
        while written < target:
            code, usage, unit, rate, name, entity = rng.choice(CUR_ROWS)
            amount = round(rng.uniform(0.5, 500.0), 4)
            cost = round(amount * rate, 10)
            day = rng.randint(1, 30)
            if code not in ("AmazonEC2", "AmazonS3"):
                bedrock += cost
            product_map = json.dumps({"product_name": name, "region": "us-east-1"}).replace('"', '""')
            row = [
                "%032x" % rng.getrandbits(128), "2025-11-%02dT00:00:00Z/2025-11-%02dT01:00:00Z" % (day, day),
                "EUINIE25-%d" % rng.randint(1, 9), entity, "Anniversary", "111122223333",
                "2025-11-01T00:00:00Z", "2025-12-01T00:00:00Z", "111122223333", "Usage",
                "2025-11-%02dT00:00:00Z" % day, "2025-11-%02dT01:00:00Z" % day, code, usage, "InvokeModel",
                "", "", "%.4f" % amount, "0", "USD", "%.10g" % rate, "%.10f" % cost, "%.10g" % rate,
                "%.10f" % cost, '"%s usage, %s"' % (name, usage), "", '"Amazon Web Services, Inc."',
                "arn:aws:iam::111122223333:user/u%d" % rng.randint(1, 40), name, code, "us-east-1",
                '"%s"' % product_map, unit, "%.10g" % rate, "%.10f" % cost, '"{""user:team"":""t%d""}"' % rng.randint(1, 9),
            ]
            line = ",".join(row) + "\n"
            out.write(line)
            written += len(line)
            lines += 1
    with open(path + ".totals.json", "w") as out:
        json.dump({"lines": lines, "bytes": written, "bedrock_cost_usd": bedrock}, out, indent=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["invocation-logs", "cur"])
    parser.add_argument("out")
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--prompt-words", type=int, default=1400,
                        help="longest prompt or completion in words (records average ~10 KB at 1400)")
    args = parser.parse_args()
    if args.kind == "invocation-logs":
        invocation_logs(args.out, args.mb, args.seed, args.prompt_words)
    else:
        cur(args.out, args.mb, args.seed)


if __name__ == "__main__":
    main()
