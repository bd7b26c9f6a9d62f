#!/usr/bin/env python3
"""Writes resources/builtin-ratecard.json from the sourced tables in this folder.

    python3 resources/ratecard-sources/generate.py            # write the card
    python3 resources/ratecard-sources/generate.py --check    # exit 1 if the card differs

The tables (sources.csv, models.csv, commitments.csv, price_changes.csv,
quality.csv, meters.csv, prompt_routers.csv, card.json) are the only place a figure is typed;
the card is derived from them, sorted and formatted the same way every time,
so a refresh shows as a readable diff. docs/ratecard.md gives the rules the
code below applies (scopes, effective months, the Reserved unit, estimates).
"""

import argparse
import calendar
import csv
import datetime
import difflib
import json
import os
import sys
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CARD = os.path.join(HERE, "..", "builtin-ratecard.json")

TIERS = {"small", "mid", "premium", "embedding"}
SCOPES = {"regional", "global", "single"}
ESTIMATE_PARTS = {"on_demand", "batch", "eol", "successor"}
METER_CATEGORIES = {"guardrails", "knowledge_base", "agentcore", "flows", "custom_model_import",
                    "data_automation"}
# Regional and geo-profile prices are 1.1 x the global price (docs/ratecard.md, "Scopes").
REGIONAL_PREMIUM = Decimal("1.1")


class TableError(Exception):
    pass


def read_table(name):
    """Rows of a CSV table as dicts; lines starting with '#' are comments."""
    path = os.path.join(HERE, name)
    with open(path, newline="", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            raise TableError(f"{name}: data row {number - 1} has the wrong number of cells")
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


def decimal_or_none(text, where):
    if text == "":
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise TableError(f"{where}: '{text}' is not a number") from None
    if value < 0:
        raise TableError(f"{where}: '{text}' is negative")
    return value


def number(value):
    """A Decimal as the JSON number it stands for: whole numbers without a
    fraction, others as the shortest float that reads back the same."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_date(text, where):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise TableError(f"{where}: '{text}' is not a date YYYY-MM-DD") from None


def majority_month(day):
    """The calendar month in which a state that starts on `day` holds on more
    than half of the days: the month of `day`, or the next one
    (docs/ratecard.md, "Effective months")."""
    days = calendar.monthrange(day.year, day.month)[1]
    if (days - day.day + 1) * 2 > days:
        return f"{day.year:04d}-{day.month:02d}"
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return f"{year:04d}-{month:02d}"


def twin_of(model_id):
    """The same model under the other routing: global.<x> for a regional id
    (a us. geo-profile id drops its prefix), and back."""
    if model_id.startswith("global."):
        return model_id[len("global."):]
    base = model_id[len("us."):] if model_id.startswith("us.") else model_id
    return "global." + base


def family_key(model_id):
    for prefix in ("global.", "us."):
        if model_id.startswith(prefix):
            model_id = model_id[len(prefix):]
    return model_id


class Sources:
    def __init__(self, rows):
        self.rows = {}
        for row in rows:
            tag = row["tag"]
            if tag in self.rows:
                raise TableError(f"sources.csv: tag {tag} appears twice")
            row["date_value"] = parse_date(row["date"], f"sources.csv {tag}")
            self.rows[tag] = row
        self.used_price_dates = []

    def tags(self, text, where):
        tags = text.split()
        for tag in tags:
            if tag not in self.rows:
                raise TableError(f"{where}: unknown source tag {tag}")
        return tags

    def cite(self, text, where, price=True):
        """'P1 (2026-07-24), P2 (2026-08-20)' for the tags in `text`."""
        tags = self.tags(text, where)
        if price:
            for tag in tags:
                if self.rows[tag]["kind"] == "price":
                    self.used_price_dates.append(self.rows[tag]["date_value"])
        return ", ".join(f"{tag} {self.rows[tag]['date']}" for tag in tags)

    def newest(self, text, where):
        return max(self.rows[tag]["date_value"] for tag in self.tags(text, where)).isoformat()

    def card_object(self):
        return {tag: {"ref": row["reference"], "what": row["what"], "date": row["date_text"]}
                for tag, row in sorted(self.rows.items())}


def check_twin_prices(models):
    """Every regional/global pair follows the 1.1 x rule, figure by figure."""
    by_id = {model["id"]: model for model in models}
    fields = ("input", "output", "cache_read", "cache_write", "cache_write_1h")
    for model in models:
        if model["scope"] != "global":
            continue
        regional = by_id.get(twin_of(model["id"]))
        if regional is None:
            continue
        if regional["scope"] != "regional":
            raise TableError(f"models.csv {model['id']}: its twin {regional['id']} must have scope regional")
        for field in fields:
            g, r = model["values"][field], regional["values"][field]
            if g is None and r is None:
                continue
            if g is None or r is None or (g * REGIONAL_PREMIUM).quantize(Decimal("1e-9")) != r.quantize(
                    Decimal("1e-9")):
                raise TableError(f"models.csv {regional['id']}: {field} {r} is not 1.1 x the global {g}")


def read_models(sources):
    models = []
    seen = set()
    for row in read_table("models.csv"):
        model_id = row["id"]
        where = f"models.csv {model_id}"
        if not model_id or model_id in seen:
            raise TableError(f"{where}: missing or duplicate id")
        seen.add(model_id)
        if row["tier"] not in TIERS:
            raise TableError(f"{where}: tier '{row['tier']}' is not one of {sorted(TIERS)}")
        if row["scope"] not in SCOPES:
            raise TableError(f"{where}: scope '{row['scope']}' is not one of {sorted(SCOPES)}")
        if row["marketplace"] not in ("true", "false"):
            raise TableError(f"{where}: marketplace must be true or false")
        estimates = set(row["estimates"].split())
        if not estimates <= ESTIMATE_PARTS:
            raise TableError(f"{where}: estimates may name only {sorted(ESTIMATE_PARTS)}")
        values = {}
        for field in ("input", "output", "batch_in", "batch_out", "cache_read", "cache_write",
                      "cache_write_1h", "priority", "flex", "lc_threshold", "lc_input_mult",
                      "lc_output_mult"):
            values[field] = decimal_or_none(row[field], f"{where} {field}")
        if values["input"] is None or values["output"] is None:
            raise TableError(f"{where}: input and output are required")
        if (values["batch_in"] is None) != (values["batch_out"] is None):
            raise TableError(f"{where}: give both batch prices or neither")
        if values["cache_read"] is None and (values["cache_write"] is not None
                                             or values["cache_write_1h"] is not None):
            raise TableError(f"{where}: a cache write price needs a cache read price")
        for prices, src in (("batch_in", "batch_src"), ("cache_read", "cache_src"),
                            ("lc_threshold", "lc_src")):
            if (values[prices] is None) != (row[src] == ""):
                raise TableError(f"{where}: {src} must be given exactly when the prices are")
        if (values["priority"] is None and values["flex"] is None) != (row["tiers_src"] == ""):
            raise TableError(f"{where}: tiers_src must be given exactly when a tier multiplier is")
        if (row["eol_date"] == "") != (row["eol_src"] == ""):
            raise TableError(f"{where}: eol_src must be given exactly when eol_date is")
        if row["successor"] and not row["eol_date"]:
            raise TableError(f"{where}: a successor needs an eol_date")
        models.append({"id": model_id, "row": row, "scope": row["scope"], "values": values,
                       "estimates": estimates})
    check_twin_prices(models)
    ids = {model["id"] for model in models}
    for model in models:
        successor = model["row"]["successor"]
        if successor and (successor not in ids or successor == model["id"]):
            raise TableError(f"models.csv {model['id']}: successor {successor} is not another card model")
    return models


def read_commitments(ids, sources, hours):
    commitments = {}
    for row in read_table("commitments.csv"):
        model_id = row["id"]
        where = f"commitments.csv {model_id}"
        if model_id not in ids or model_id in commitments:
            raise TableError(f"{where}: not a card model, or listed twice")
        entry = {}
        reserved = [decimal_or_none(row[key], f"{where} {key}")
                    for key in ("reserved_in_1m", "reserved_in_3m", "reserved_out_1m", "reserved_out_3m")]
        if any(value is not None for value in reserved):
            if any(value is None for value in reserved) or not row["reserved_src"]:
                raise TableError(f"{where}: give all four Reserved prices and their source")
            entry["reserved"] = (reserved, row["reserved_src"])
        pt = [decimal_or_none(row[key], f"{where} {key}") for key in ("pt_no_commit", "pt_1m", "pt_6m")]
        if any(value is not None for value in pt):
            if not row["pt_src"] or row["pt_estimate"] not in ("true", "false"):
                raise TableError(f"{where}: a PT rate needs pt_src and pt_estimate")
            entry["provisioned"] = (pt, row["pt_src"], row["pt_estimate"] == "true", row["pt_note"])
        commitments[model_id] = entry
    return commitments


def read_price_changes(ids, sources):
    changes = {}
    for order, row in enumerate(read_table("price_changes.csv")):
        model_id = row["id"]
        where = f"price_changes.csv {model_id} {row['date']}"
        if model_id not in ids:
            raise TableError(f"{where}: not a card model")
        day = parse_date(row["date"], where)
        values = {key: decimal_or_none(row[key], f"{where} {key}")
                  for key in ("input", "output", "cache_read", "cache_write", "cache_write_1h", "batch_in",
                              "batch_out", "lc_threshold", "lc_input_mult", "lc_output_mult")}
        change = {"effective": majority_month(day)}
        if values["input"] is not None or values["output"] is not None:
            if values["input"] is None or values["output"] is None:
                raise TableError(f"{where}: a price change gives both on-demand prices")
            change["on_demand"] = {"input_per_1m": number(values["input"]),
                                   "output_per_1m": number(values["output"])}
        if values["batch_in"] is not None or values["batch_out"] is not None:
            if values["batch_in"] is None or values["batch_out"] is None:
                raise TableError(f"{where}: a price change gives both batch prices")
            change["batch"] = {"input_per_1m": number(values["batch_in"]),
                               "output_per_1m": number(values["batch_out"])}
        cache = {}
        for key, field in (("cache_write", "write_per_1m"), ("cache_read", "read_per_1m"),
                           ("cache_write_1h", "write_1h_per_1m")):
            if values[key] is not None:
                cache[field] = number(values[key])
        if cache:
            change["cache"] = cache
        if values["lc_threshold"] is not None:
            change["long_context"] = long_context(values, where)
        if len(change) == 1:
            raise TableError(f"{where}: the change sets no price")
        change["note"] = row["note"]
        change["source"] = sources.cite(row["source"], where)
        changes.setdefault(model_id, []).append((change["effective"], day, order, change))
    return {model_id: [entry[3] for entry in sorted(entries)] for model_id, entries in changes.items()}


def long_context(values, where):
    if values["lc_input_mult"] is None or values["lc_output_mult"] is None:
        raise TableError(f"{where}: a long-context tier needs both multipliers")
    if values["lc_input_mult"] <= 0 or values["lc_output_mult"] <= 0:
        raise TableError(f"{where}: long-context multipliers must be above 0")
    return {"threshold_input_tokens": number(values["lc_threshold"]),
            "input_mult": number(values["lc_input_mult"]),
            "output_mult": number(values["lc_output_mult"])}


def read_quality(ids, sources):
    leaderboard = sources.rows["Q1"]
    catalogue = sources.rows["C1"]
    quality = {}
    for row in read_table("quality.csv"):
        model_id = row["id"]
        where = f"quality.csv {model_id}"
        if model_id not in ids or model_id in quality:
            raise TableError(f"{where}: not a card model, or listed twice")
        quality[model_id] = {
            "score": number(decimal_or_none(row["score"], where)),
            "scale": "LMArena Text Arena rating (Elo-style: higher is preferred more often; "
                     "about 1,090 to 1,510 across the models of this card)",
            "leaderboard": "LMArena Text Arena",
            "date": leaderboard["date"],
            "source": "https://huggingface.co/datasets/lmarena-ai/leaderboard-dataset (text board, "
                      f"{leaderboard['date']}; entry '{row['matched_name']}'), mapped to Bedrock id "
                      f"'{row['catalog_id']}' by {catalogue['reference'].split(' (')[0]}",
        }
    return quality


def read_meters(sources):
    meters = []
    kinds = set()
    for row in read_table("meters.csv"):
        where = f"meters.csv {row['kind']}"
        if not row["kind"] or row["kind"] in kinds:
            raise TableError(f"{where}: missing or duplicate kind")
        kinds.add(row["kind"])
        if row["category"] not in METER_CATEGORIES:
            raise TableError(f"{where}: category '{row['category']}' is not one of {sorted(METER_CATEGORIES)}")
        if row["estimate"] not in ("true", "false"):
            raise TableError(f"{where}: estimate must be true or false")
        tags = sources.tags(row["source"], where)
        price = decimal_or_none(row["usd_per_unit"], where)
        if price is None:
            raise TableError(f"{where}: usd_per_unit is required")
        meters.append({
            "kind": row["kind"],
            "name": row["name"],
            "category": row["category"],
            "unit": row["unit"],
            "usd_per_unit": number(price),
            "source": "; ".join(f"{tag}: {sources.rows[tag]['reference']}" for tag in tags),
            "source_date": ", ".join(sources.rows[tag]["date_text"] for tag in tags),
            "estimate": row["estimate"] == "true",
            "note": row["note"],
        })
    return sorted(meters, key=lambda meter: meter["kind"])


def read_prompt_routers(ids, sources):
    """AWS's default Intelligent Prompt Routing routers: two card models each,
    the smaller first (docs/ratecard.md, "Prompt routers")."""
    routers = []
    seen = set()
    for row in read_table("prompt_routers.csv"):
        where = f"prompt_routers.csv {row['id']}"
        if not row["id"] or row["id"] in seen:
            raise TableError(f"{where}: missing or duplicate id")
        seen.add(row["id"])
        for key in ("small", "large"):
            if row[key] not in ids:
                raise TableError(f"{where}: {key} {row[key]} is not a card model")
        if row["small"] == row["large"]:
            raise TableError(f"{where}: the two models must differ")
        tags = sources.tags(row["source"], where)
        routers.append({
            "id": row["id"],
            "name": row["name"],
            "models": [row["small"], row["large"]],
            "source": "; ".join(f"{tag}: {sources.rows[tag]['reference']}" for tag in tags),
            "source_date": sources.newest(row["source"], where),
            "note": row["note"],
        })
    return sorted(routers, key=lambda router: router["id"])


PROVISIONED_QUOTE_NOTE = (
    "quote needed: AWS publishes no current Provisioned Throughput price and no model-unit capacity "
    "(input/output tokens per minute per MU) for this model (S6: 'contact your AWS account manager'). "
    "Supply per_mu_hour and both capacities from the account team's quote as ratecard_overrides. "
    "Commitment PT has a default quota of 0 MUs.")


def provisioned_object(commitment, sources, where):
    if "provisioned" not in commitment:
        return {"per_mu_hour": {"no_commit": None, "one_month": None, "six_month": None},
                "input_tpm_per_mu": None, "output_tpm_per_mu": None, "estimate": True,
                "note": PROVISIONED_QUOTE_NOTE}
    rates, src, estimate, extra = commitment["provisioned"]
    note = (f"Published MU-hour rates ({sources.cite(src, where)}). AWS publishes no model-unit capacity, so "
            "the model is not PT-capable until a scenario supplies input_tpm_per_mu and output_tpm_per_mu "
            "from the account team as ratecard_overrides.")
    if extra:
        note += " " + extra
    result = {"per_mu_hour": {"no_commit": None if rates[0] is None else number(rates[0]),
                              "one_month": None if rates[1] is None else number(rates[1]),
                              "six_month": None if rates[2] is None else number(rates[2])},
              "input_tpm_per_mu": None, "output_tpm_per_mu": None}
    if estimate:
        result["estimate"] = True
    result["note"] = note
    return result


def reserved_object(commitment, sources, header, where):
    if "reserved" not in commitment:
        return None
    (in_1m, in_3m, out_1m, out_3m), src = commitment["reserved"]
    hours = Decimal(str(header["hours_per_month"]))
    return {
        "one_month": {"input_per_1k_tpm_month": number(in_1m * hours),
                      "output_per_1k_tpm_month": number(out_1m * hours)},
        "three_month": {"input_per_1k_tpm_month": number(in_3m * hours),
                        "output_per_1k_tpm_month": number(out_3m * hours)},
        "min_input_tpm": header["reserved_minimums"]["input_tpm"],
        "min_output_tpm": header["reserved_minimums"]["output_tpm"],
        "note": (f"AWS publishes the Reserved tier per hour per 1K TPM ({sources.cite(src, where)}): input "
                 f"{in_1m} (1 month) and {in_3m} (3 months), output {out_1m} and {out_3m}; the card holds "
                 f"them x {header['hours_per_month']} hours per month. Billed for the whole term; at full use "
                 "a 1-month reservation costs the Standard on-demand price and a 3-month one 10% less."),
    }


def model_object(model, by_id, sources, commitments, changes, quality, header):
    row, values, model_id = model["row"], model["values"], model["id"]
    where = f"models.csv {model_id}"
    parts = []  # (label, tags) for the model's source text
    notes = [row["note"]] if row["note"] else []

    on_demand = {"input_per_1m": number(values["input"]), "output_per_1m": number(values["output"])}
    if "on_demand" in model["estimates"]:
        on_demand["estimate"] = True
    parts.append(("on-demand", row["price_src"]))

    batch = None
    if values["batch_in"] is not None:
        batch = {"input_per_1m": number(values["batch_in"]), "output_per_1m": number(values["batch_out"])}
        if "batch" in model["estimates"]:
            batch["estimate"] = True
        parts.append(("batch", row["batch_src"]))

    cache = None
    if values["cache_read"] is not None:
        cache = {"write_per_1m": None if values["cache_write"] is None else number(values["cache_write"]),
                 "read_per_1m": number(values["cache_read"])}
        if values["cache_write_1h"] is not None:
            cache["write_1h_per_1m"] = number(values["cache_write_1h"])
        if values["cache_write"] is None:
            cache["note"] = ("Only a cache-read price is published; write_per_1m is null and the cost model "
                             "counts cache writes as 0.")
        elif row["provider"] == "OpenAI":
            cache["note"] = "The write price is the 30-minute-TTL write, the only one this model has."
        elif values["cache_write_1h"] is None:
            cache["note"] = ("No 1-hour cache-write price is published for this model; a 1h TTL needs "
                             "write_1h_per_1m as an override.")
        parts.append(("cache", row["cache_src"]))

    tiers = None
    if values["priority"] is not None or values["flex"] is not None:
        tiers = {}
        if values["priority"] is not None:
            tiers["priority"] = number(values["priority"])
        if values["flex"] is not None:
            tiers["flex"] = number(values["flex"])
        cited = sources.cite(row["tiers_src"], where)
        if values["priority"] is not None and values["flex"] is not None:
            tiers["note"] = f"Priority and Flex as published for this model ({cited})."
        elif values["flex"] is not None:
            tiers["note"] = (f"Flex as published for this model ({cited}); no Priority price is published, "
                             "so Priority bills at Standard.")
        else:
            tiers["note"] = f"Priority as published for this model ({cited}); no Flex price is published."
        parts.append(("tiers", row["tiers_src"]))

    twin = by_id.get(twin_of(model_id))
    if model["scope"] == "regional" and twin:
        notes.append(f"Regional price: in-Region calls and the geo profiles (us., eu., jp., au.) cost 1.1 x the "
                     f"global price; the global cross-region profile is {twin['id']}.")
    elif model["scope"] == "global" and twin:
        notes.append(f"Global cross-region profile; in-Region and geo-profile calls cost 1.1 x this price "
                     f"({twin['id']}).")
    elif model["scope"] == "single" and twin:
        notes.append(f"One price whatever the route; {twin['id']} is the same model under the other routing.")
    if row["tier"] == "embedding":
        notes.append("Embedding model: priced on input tokens only; output_per_1m is 0 because the cost model "
                     "needs a number.")
    if "eol" in model["estimates"]:
        notes.append("Estimate: the end-of-life date is inferred, as said above.")
    if "successor" in model["estimates"]:
        notes.append("Estimate: AWS names no successor; the card picks one (docs/ratecard.md, Successors).")

    result = {"id": model_id, "name": row["name"], "provider": row["provider"], "tier": row["tier"],
              "marketplace": row["marketplace"] == "true", "on_demand": on_demand, "batch": batch,
              "cache": cache}
    if tiers:
        result["tiers"] = tiers
    if values["lc_threshold"] is not None:
        result["long_context"] = long_context(values, where)
        parts.append(("long context", row["lc_src"]))
    commitment = commitments.get(model_id, {})
    result["provisioned"] = provisioned_object(commitment, sources, where)
    if "provisioned" in commitment:
        parts.append(("provisioned", commitment["provisioned"][1]))
    result["reserved"] = reserved_object(commitment, sources, header, where)
    if "reserved" in commitment:
        parts.append(("reserved", commitment["reserved"][1]))
    if model_id in changes:
        result["price_changes"] = changes[model_id]
    if row["eol_date"]:
        day = parse_date(row["eol_date"], where)
        result["end_of_life"] = majority_month(day)
        if row["successor"]:
            result["successor"] = row["successor"]
        notes.append(f"End of life in us-east-1 on {day.isoformat()}, so from {result['end_of_life']} on "
                     f"({sources.cite(row['eol_src'], where, price=False)}).")
    result["quality"] = quality.get(model_id)
    result["source"] = "; ".join(f"{label} {sources.cite(tags, where)}" for label, tags in parts)
    result["source_date"] = sources.newest(row["price_src"], where)
    if notes:
        result["note"] = " ".join(notes)
    return result


def build_card():
    sources = Sources(read_table("sources.csv"))
    with open(os.path.join(HERE, "card.json"), encoding="utf-8") as handle:
        header = json.load(handle)
    models = read_models(sources)
    ids = {model["id"] for model in models}
    by_id = {model["id"]: model for model in models}
    commitments = read_commitments(ids, sources, header["hours_per_month"])
    changes = read_price_changes(ids, sources)
    quality = read_quality(ids, sources)
    meters = read_meters(sources)
    routers = read_prompt_routers(ids, sources)
    ordered = sorted(models, key=lambda model: (model["row"]["provider"], family_key(model["id"]),
                                                model["id"].startswith("global."), model["id"]))
    objects = [model_object(model, by_id, sources, commitments, changes, quality, header) for model in ordered]
    as_of = max(sources.used_price_dates).isoformat()
    return {
        "format": "bedrock-whatif-ratecard",
        "version": 1,
        "as_of": as_of,
        "region": header["region"],
        "currency": header["currency"],
        "notes": header["notes"],
        "sources": sources.card_object(),
        "meters": meters,
        "prompt_routers": routers,
        "models": objects,
    }


def render(card):
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the card instead of writing it; exit 1 on a difference")
    parser.add_argument("--card", default=DEFAULT_CARD, help="the card file (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        text = render(build_card())
    except (TableError, OSError, ValueError, KeyError) as error:
        print(f"generate.py: {error}", file=sys.stderr)
        return 2
    if args.check:
        try:
            with open(args.card, encoding="utf-8") as handle:
                current = handle.read()
        except OSError as error:
            print(f"generate.py: cannot read {args.card}: {error}", file=sys.stderr)
            return 1
        if current == text:
            return 0
        diff = difflib.unified_diff(current.splitlines(keepends=True), text.splitlines(keepends=True),
                                    fromfile=args.card, tofile="generated from the tables")
        sys.stdout.writelines(list(diff)[:200])
        print(f"generate.py: {args.card} differs from what the tables generate; run "
              "python3 resources/ratecard-sources/generate.py and review the diff", file=sys.stderr)
        return 1
    with open(args.card, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
