#!/usr/bin/env python3
"""End to end: `export --out FILE.xlsx` and `--out FILE.csv --table NAME`.

Writes the scenario's workbook, opens it as the zip it is, and checks that the
Monthly sheet holds live formulas whose cached values are the program's own
figures (`evaluate --json`) to the cent, by evaluating every formula over the
Inputs, Rates and Meters cells (each meter's quantity is itself a formula on
the Meters sheet); then the CSV tables, the usage errors (exit 2, no file)
and an unwritable output (exit 1, the message names it, no file).
With a scenario of version 2 of the cost model (long context, escalation, a
dated card: --expect-v2), the formulas must also carry the long-context
multipliers and the flows the month's moves and escalation give.
"""

import argparse
import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "reference"))
import costmodel_reference as ref  # noqa: E402  (the month's routing: moves and escalation)

NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
CENT = 0.01
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(exe, *arguments):
    return subprocess.run([exe, *arguments], capture_output=True, text=True)


def column_index(letters):
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def read_sheets(path):
    """{sheet name: {"A1": (value, formula or None)}} with strings resolved."""
    with zipfile.ZipFile(path) as archive:
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
            for item in root.findall("s:si", NS):
                shared.append("".join(t.text or "" for t in item.iter(f"{{{NS['s']}}}t")))
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        names = [sheet.get("name") for sheet in workbook.find("s:sheets", NS)]
        sheets = {}
        for number, name in enumerate(names, start=1):
            root = ET.fromstring(archive.read(f"xl/worksheets/sheet{number}.xml"))
            cells = {}
            for c in root.iter(f"{{{NS['s']}}}c"):
                v = c.find("s:v", NS)
                f = c.find("s:f", NS)
                value = None if v is None else v.text
                if value is not None and c.get("t") == "s":
                    value = shared[int(value)]
                elif value is not None and c.get("t") not in ("str", "inlineStr"):
                    value = float(value)
                cells[c.get("r")] = (value, None if f is None else f.text)
            sheets[name] = cells
        return names, sheets


def evaluate_formula(formula, sheet, sheets):
    """The value of an arithmetic formula with cell references and SUM(range)."""

    def value(sheet_name, ref):
        cell = sheets[sheet_name].get(ref)
        if cell is None or cell[0] is None or isinstance(cell[0], str):
            return 0.0  # a blank cell is 0 in arithmetic
        return cell[0]

    def sum_range(match):
        first, last = match.group(1), match.group(2)
        col1, row1 = re.match(r"([A-Z]+)(\d+)", first).groups()
        col2, row2 = re.match(r"([A-Z]+)(\d+)", last).groups()
        total = 0.0
        for c in range(column_index(col1), column_index(col2) + 1):
            for r in range(int(row1), int(row2) + 1):
                total += value(sheet, f"{chr(ord('A') + c)}{r}")
        return repr(total)

    expression = formula.lstrip("=")
    expression = re.sub(r"SUM\(([A-Z]+\d+):([A-Z]+\d+)\)", sum_range, expression)
    expression = re.sub(
        r"(?:(\w+)!)?\b([A-Z]+\d+)\b",
        lambda m: repr(value(m.group(1) or sheet, m.group(2))),
        expression,
    )
    check(re.fullmatch(r"[0-9eE.+\-*/() ]+", expression) is not None,
          f"{sheet}: formula {formula} is not plain arithmetic")
    return eval(expression, {"__builtins__": {}})  # arithmetic only, checked above


def check_workbook(exe, scenario, workdir):
    out = os.path.join(workdir, "example.xlsx")
    result = run(exe, "export", scenario, "--out", out)
    check(result.returncode == 0, f"xlsx export exited {result.returncode}: {result.stderr}")
    if result.returncode != 0:
        return
    check(not [n for n in os.listdir(workdir) if ".tmp-" in n], "a temporary file was left")
    program = json.loads(run(exe, "evaluate", scenario, "--json").stdout)

    names, sheets = read_sheets(out)
    check(names == ["Inputs", "Rates", "Meters", "Monthly", "Forecast"], f"sheets are {names}")
    with zipfile.ZipFile(out) as archive:
        sheet4 = archive.read("xl/worksheets/sheet4.xml").decode()
    check("<f>" in sheet4, "Monthly (sheet4.xml) has no <f> formula")
    check('state="frozen"' in sheet4, "Monthly has no frozen header")

    # Each meter's quantity is a formula over its per-request and per-month
    # figures and the workload's requests, and gives the program's quantity.
    meters = sheets["Meters"]
    program_meters = program.get("meters", [])
    for index, meter in enumerate(program_meters):
        quantity = meters.get(f"H{index + 2}")
        check(quantity is not None and quantity[1] is not None,
              f"Meters!H{index + 2}: the quantity is not a formula")
        if quantity is not None and quantity[1] is not None:
            computed = evaluate_formula(quantity[1], "Meters", sheets)
            check(abs(computed - meter["quantity"]) <= 1e-6 * max(1.0, abs(meter["quantity"])),
                  f"Meters!H{index + 2}: {quantity[1]} computes {computed}, "
                  f"the program says {meter['quantity']}")
        rate = meters.get(f"I{index + 2}")
        check(rate is not None and abs(rate[0] - meter["usd_per_unit"]) <= 1e-12,
              f"Meters!I{index + 2}: rate {rate}, the program says {meter['usd_per_unit']}")
        source = meters.get(f"J{index + 2}")
        check(source is not None and source[0] == meter["rate_source"],
              f"Meters!J{index + 2}: {source}, the program says {meter['rate_source']}")

    monthly = sheets["Monthly"]
    header = {monthly[f"{chr(ord('A') + c)}1"][0]: chr(ord("A") + c) for c in range(12)}
    on_demand, batch, total = header["Real-time on demand"], header["Batch share"], header["Total"]

    # Every formula's cached value is what the formula computes over the inputs.
    formulas = 0
    for ref, (cached, formula) in monthly.items():
        if formula is None:
            continue
        formulas += 1
        computed = evaluate_formula(formula, "Monthly", sheets)
        check(abs(computed - cached) <= CENT,
              f"Monthly!{ref}: {formula} computes {computed}, cached {cached}")
    # On demand, batch and total on each flow's row; cost and total on each
    # meter's; the totals row.
    flows = sum(1 for ref in sheets["Inputs"] if ref[0] == "A" and ref[1:] != "1")
    expected = 3 * flows + 2 * len(program_meters) + 1
    check(formulas >= expected, f"Monthly has {formulas} formulas, expected {expected}")

    rows = {}
    total_row = gross_row = None
    for ref, (cached, _) in monthly.items():
        if ref.startswith("A") and ref != "A1":
            row = int(ref[1:])
            if cached == "Total":
                total_row = row
            elif cached == "Gross (program)":
                gross_row = row
            elif total_row is None or row < total_row:
                rows.setdefault(cached, []).append(row)
    check(total_row is not None and gross_row is not None, "no Total or Gross (program) row")
    if total_row is None or gross_row is None:
        return

    def cached(col, row):
        cell = monthly.get(f"{col}{row}")
        return 0.0 if cell is None or cell[0] is None else cell[0]

    for workload, usd in program["by_workload"].items():
        mine = sum(cached(total, r) for r in rows.get(workload, []))
        check(abs(mine - usd) <= CENT, f"{workload}: workbook {mine}, program {usd}")
    check(monthly[f"{on_demand}2"][1] is not None, "real-time on demand is not a formula")
    check(monthly[f"{batch}2"][1] is not None, "batch share is not a formula")
    check(monthly[f"{total}{total_row}"][1].startswith("SUM("), "the total is not a SUM")
    check(abs(cached(total, total_row) - program["gross_usd"]) <= CENT,
          f"total {cached(total, total_row)} != gross {program['gross_usd']}")
    check(abs(cached(total, gross_row) - program["gross_usd"]) <= CENT, "Gross (program) cell")
    # The Batch share column holds what batch requests cost, and the batch share
    # of a model without batch prices is billed on demand (docs/cost-model.md
    # 10.5), so the program counts that part under on_demand: the two columns
    # and the overflow together equal the program's two modes, and the batch
    # column exceeds by_mode.batch by exactly that fallback.
    overflow = header["Overflow (on demand)"]
    check(abs(cached(batch, total_row) + cached(on_demand, total_row) +
              cached(overflow, total_row) - program["by_mode"]["batch"] -
              program["by_mode"]["on_demand"]) <= CENT,
          "batch + on-demand + overflow differ from the program's batch + on demand")
    check(cached(batch, total_row) >= program["by_mode"]["batch"] - CENT,
          "batch total is below the program's batch")
    check(cached(on_demand, total_row) + cached(overflow, total_row) <=
          program["by_mode"]["on_demand"] + CENT,
          "on-demand + overflow exceed the program's on demand")
    check(abs(cached(header["Provisioned (show-back)"], total_row) -
              program["by_mode"]["provisioned"]) <= CENT, "provisioned total")
    check(abs(cached(header["Reserved (show-back)"], total_row) -
              program["by_mode"]["reserved"]) <= CENT, "reserved total")
    meters_column = header["Meters"]
    check(abs(cached(meters_column, total_row) - program["by_mode"].get("meters", 0.0)) <= CENT,
          "meters total differs from the program's by_mode.meters")
    meter_rows = [r for r in range(2, total_row)
                  if monthly.get(f"C{r}", (None, None))[0] == "meter"]
    check(len(meter_rows) == len(program_meters),
          f"{len(meter_rows)} meter rows on Monthly, the program has {len(program_meters)} meters")
    for r in meter_rows:
        formula = monthly.get(f"{meters_column}{r}", (None, None))[1]
        check(formula is not None and "Meters!" in formula,
              f"Monthly!{meters_column}{r}: the meter's cost is not a formula over the Meters sheet")


def month_zero_flows(data, scenario):
    """Workload-model pairs in month 0: the routing after end-of-life moves and
    escalation (docs/cost-model.md §13.3), as the Inputs sheet lists them."""
    card = ref.resolve_ratecard(data, scenario, os.path.join(os.path.dirname(HERE), "..",
                                                             "resources", "builtin-ratecard.json"))
    models = ref.model_table(ref.card_in_month(card, data, 0))
    C = ref.calendar_month_of(data, 0)
    return sum(len(ref.month_routing(w, models, C)[0]) for w in data["workloads"])


def check_v2(workdir, program):
    """The long-context multipliers reach the formulas: at least one flow is
    long and its on-demand cell multiplies by its Inputs multiplier cells."""
    _, sheets = read_sheets(os.path.join(workdir, "example.xlsx"))
    inputs = sheets["Inputs"]
    header = {inputs[f"{chr(ord('A') + c)}1"][0]: chr(ord("A") + c) for c in range(26)
              if f"{chr(ord('A') + c)}1" in inputs}
    long_in = header.get("Long-context input x")
    check(long_in is not None, "Inputs has no long-context multiplier column")
    if long_in is None:
        return
    multipliers = [cell[0] for ref_, cell in inputs.items()
                   if ref_.startswith(long_in) and ref_ != f"{long_in}1"]
    check(any(m != 1.0 for m in multipliers), f"no flow is long: multipliers {multipliers}")
    check(len(program["long_context"]) > 0, "the program lists no long-context pair")
    formulas = [cell[1] for cell in sheets["Monthly"].values() if cell[1]]
    check(any(f"Inputs!{long_in}" in f for f in formulas),
          "no Monthly formula uses the long-context multiplier")


def check_csv(exe, scenario, workdir):
    program = json.loads(run(exe, "evaluate", scenario, "--json").stdout)
    forecast = json.loads(run(exe, "forecast", scenario, "--json").stdout)
    with open(scenario) as file:
        data = json.load(file)
    flows = month_zero_flows(data, scenario)
    models = len(program["by_model"])
    tables = {}
    for table in ("workloads", "rates", "meters", "monthly", "forecast"):
        out = os.path.join(workdir, f"{table}.csv")
        result = run(exe, "export", scenario, "--out", out, "--table", table)
        check(result.returncode == 0, f"{table}.csv exited {result.returncode}: {result.stderr}")
        if result.returncode == 0:
            with open(out, newline="") as file:
                raw = file.read()
            check(raw.endswith("\r\n"), f"{table}.csv lines do not end in CRLF")
            tables[table] = list(csv.reader(io.StringIO(raw)))
    if len(tables) != 5:
        return
    meter_count = sum(len(w.get("meters", [])) for w in data["workloads"])
    check(len(tables["meters"]) == 1 + meter_count, f"meters.csv has {len(tables['meters'])} rows")
    check(len(tables["workloads"]) == 1 + flows, f"workloads.csv has {len(tables['workloads'])} rows")
    check(len(tables["rates"]) == 1 + models, f"rates.csv has {len(tables['rates'])} rows")
    months = forecast["months"] if isinstance(forecast, dict) else forecast
    check(len(tables["forecast"]) == 1 + len(months),
          f"forecast.csv has {len(tables['forecast'])} rows, expected {1 + len(months)}")
    monthly = tables["monthly"]
    total = [row for row in monthly if row and row[0] == "Total"]
    check(len(total) == 1, "monthly.csv has no Total row")
    if total:
        check(abs(float(total[0][-1]) - program["gross_usd"]) <= CENT, "monthly.csv total")
    # A known value: the first workload's first route, the example's request count.
    first = tables["workloads"][1]
    check(first[0] == data["workloads"][0]["id"], f"workloads.csv starts with {first[0]}")
    w0 = data["workloads"][0]
    expected = w0["requests_per_month"] * w0.get("volume_multiplier", 1) * data.get(
        "global_volume_multiplier", 1)
    check(abs(float(first[4]) - expected) < 1e-6, f"requests {first[4]}, expected {expected}")
    # Sources hold commas: they must come back whole.
    check(all(len(row) == len(tables["rates"][0]) for row in tables["rates"]),
          "rates.csv rows differ in length (quoting)")


def check_errors(exe, scenario, workdir):
    usage = [
        ["--out", os.path.join(workdir, "u1.csv")],
        ["--out", os.path.join(workdir, "u2.csv"), "--table", "pies"],
        ["--out", os.path.join(workdir, "u3.xlsx"), "--table", "rates"],
        ["--out", os.path.join(workdir, "u4.xlsx"), "--chart", "volume"],
        ["--out", os.path.join(workdir, "u5.png"), "--chart", "volume", "--table", "rates"],
    ]
    for arguments in usage:
        result = run(exe, "export", scenario, *arguments)
        check(result.returncode == 2, f"{arguments}: exited {result.returncode}, expected 2")
        check(not os.path.exists(arguments[1]), f"{arguments}: wrote a file")
    missing = os.path.join(workdir, "no-such-folder")
    for name, extra in (("out.xlsx", []), ("out.csv", ["--table", "monthly"])):
        out = os.path.join(missing, name)
        result = run(exe, "export", scenario, "--out", out, *extra)
        check(result.returncode == 1, f"{out}: exited {result.returncode}, expected 1")
        check(out in result.stderr, f"{out}: the message does not name it: {result.stderr}")
        check(not os.path.exists(missing), f"{out}: something was written")
    # A read-only folder (root writes anyway, so only checked for others).
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = os.path.join(workdir, "read-only")
        os.makedirs(locked, exist_ok=True)
        os.chmod(locked, 0o500)
        try:
            out = os.path.join(locked, "out.xlsx")
            result = run(exe, "export", scenario, "--out", out)
            check(result.returncode == 1, f"{out}: exited {result.returncode}, expected 1")
            check(out in result.stderr, f"{out}: the message does not name it")
            check(os.listdir(locked) == [], f"{locked}: something was written")
        finally:
            os.chmod(locked, 0o700)
    # A folder where the file should go: nothing replaces it, nothing is left.
    folder = os.path.join(workdir, "taken.xlsx")
    os.makedirs(folder, exist_ok=True)
    result = run(exe, "export", scenario, "--out", folder)
    check(result.returncode == 1, f"{folder}: exited {result.returncode}, expected 1")
    check(os.path.isdir(folder), f"{folder}: the folder was replaced")
    check(not [n for n in os.listdir(workdir) if ".tmp-" in n], "a temporary file was left")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--expect-v2", action="store_true",
                        help="the scenario uses long context, escalation and a dated card")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    for name in os.listdir(args.workdir):
        path = os.path.join(args.workdir, name)
        if os.path.isfile(path):
            os.remove(path)
    check_workbook(args.exe, args.scenario, args.workdir)
    if args.expect_v2:
        check_v2(args.workdir, json.loads(run(args.exe, "evaluate", args.scenario, "--json").stdout))
    check_csv(args.exe, args.scenario, args.workdir)
    check_errors(args.exe, args.scenario, args.workdir)
    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
