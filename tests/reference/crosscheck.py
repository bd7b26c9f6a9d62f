#!/usr/bin/env python3
"""Cross-check `bedrock-whatif` against the independent reference implementation.

Generates random valid scenarios (generate_scenarios.py), runs
`bedrock-whatif evaluate --json` (two months) and `forecast --json` on each, and
compares every number with costmodel_reference.py at relative 1e-6, the
tolerance of the outside tests (sections 11-13 included: calendar_month,
long_context, the month's card and moves, and the escalation break-evens).
Then checks the hand-computed cases in cases/. Prints how many generated
scenarios used each version 2 feature.

Usage:
    python3 crosscheck.py --exe PATH/bedrock-whatif [--count N] [--seed S] [--workdir DIR]

Comparison rules (the two implementations may differ only in presentation):
array entries pair by "model"; a key missing from one side's by_* object
counts as 0; warnings compare by count; keys only one side has are ignored.
Ends with the line 'N passed, N failed'.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import costmodel_reference as ref  # noqa: E402
import generate_scenarios as gen  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(HERE))
CARDS = [os.path.join(SOURCE, "resources", "builtin-ratecard.json"),
         os.path.join(HERE, "test-ratecard.json")]
REL = 1e-6
ABS = 1e-6


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=REL, abs_tol=ABS)


def compare(expected, actual, path, problems):
    """Every number in `expected` must be matched in `actual`."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{path}: expected an object, got {actual!r}")
            return
        by_star = path.split(".")[-1].startswith("by_")
        for key, value in expected.items():
            if key == "warnings":
                if len(value) != len(actual.get(key, [])):
                    problems.append(f"{path}.warnings: {len(value)} expected, "
                                    f"{len(actual.get(key, []))} given: {actual.get(key)}")
                continue
            if key not in actual:
                if by_star and close(value, 0.0):
                    continue
                problems.append(f"{path}.{key}: missing (expected {value!r})")
                continue
            compare(value, actual[key], f"{path}.{key}", problems)
        if by_star:
            for key, value in actual.items():
                if key not in expected and not close(value, 0.0):
                    problems.append(f"{path}.{key}: unexpected {value!r}")
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            problems.append(f"{path}: expected {len(expected)} entries, got {actual!r}")
            return
        if expected and isinstance(expected[0], dict) and "model" in expected[0]:
            actual_by_model = {entry.get("model"): entry for entry in actual}
            for entry in expected:
                compare(entry, actual_by_model.get(entry["model"], {}),
                        f"{path}[{entry['model']}]", problems)
        else:
            for index, (e, a) in enumerate(zip(expected, actual)):
                compare(e, a, f"{path}[{index}]", problems)
    elif isinstance(expected, (int, float)) and not isinstance(expected, bool):
        if not isinstance(actual, (int, float)) or not close(expected, actual):
            problems.append(f"{path}: expected {expected!r}, got {actual!r}")
    elif expected != actual:
        problems.append(f"{path}: expected {expected!r}, got {actual!r}")


def run(exe, *arguments):
    result = subprocess.run([exe, *arguments], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return json.loads(result.stdout)


def check_generated(exe, count, seed, workdir):
    passed = failed = 0
    rng = random.Random(seed)
    cards = [ref.load_json(path) for path in CARDS]
    features = {}
    for index in range(count):
        base_card = cards[index % len(cards)]
        scenario = gen.make_scenario(rng, index + 1, base_card)
        if scenario.get("ratecard") == "builtin":
            scenario["ratecard"] = base_card  # inline: both sides read the same card
        for feature in gen.coverage(scenario, ref.model_table(base_card)):
            if feature.startswith("v2"):
                features[feature] = features.get(feature, 0) + 1
        path = os.path.join(workdir, f"generated-{seed}-{index + 1:04d}.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(scenario, handle)
        card = ref.resolve_ratecard(scenario, path, CARDS[0])  # with the overrides
        problems = []
        months = sorted({0, rng.randrange(0, 4)})
        try:
            for month in months:
                expected = ref.evaluate(scenario, card, month)
                actual = run(exe, "evaluate", path, "--month", str(month), "--json")
                compare(expected, actual, f"evaluate(month {month})", problems)
            compare(ref.forecast(scenario, card), run(exe, "forecast", path, "--json"),
                    "forecast", problems)
        except RuntimeError as error:
            problems.append(str(error))
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for problem in problems[:12]:
                print(f"  {problem}")
        else:
            passed += 1
    print(f"{count} generated scenarios; version 2 features (scenarios using each):")
    for feature in sorted(features):
        print(f"  {features[feature]:4d}  {feature}")
    return passed, failed


def check_cases(exe):
    passed = failed = 0
    cases = os.path.join(HERE, "cases")
    for name in sorted(os.listdir(cases)):
        if not name.endswith(".scenario.json"):
            continue
        stem = name[: -len(".scenario.json")]
        path = os.path.join(cases, name)
        problems = []
        with open(os.path.join(cases, stem + ".expected.json"), encoding="utf-8") as handle:
            expected = json.load(handle)
        month = expected.pop("month", 0)
        compare(expected, run(exe, "evaluate", path, "--month", str(month), "--json"),
                f"{stem}", problems)
        # More months of one case: STEM.monthN.expected.json.
        for other in sorted(os.listdir(cases)):
            if other.startswith(stem + ".month") and other.endswith(".expected.json"):
                with open(os.path.join(cases, other), encoding="utf-8") as handle:
                    more = json.load(handle)
                more_month = more.pop("month")
                compare(more, run(exe, "evaluate", path, "--month", str(more_month), "--json"),
                        f"{stem} month {more_month}", problems)
        forecast_path = os.path.join(cases, stem + ".forecast.expected.json")
        if os.path.exists(forecast_path):
            with open(forecast_path, encoding="utf-8") as handle:
                compare(json.load(handle), run(exe, "forecast", path, "--json"),
                        f"{stem} forecast", problems)
        if problems:
            failed += 1
            print(f"FAIL hand case {stem}")
            for problem in problems:
                print(f"  {problem}")
        else:
            passed += 1
    return passed, failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exe", required=True)
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workdir", default="crosscheck-work")
    args = parser.parse_args(argv)
    os.makedirs(args.workdir, exist_ok=True)
    generated = check_generated(args.exe, args.count, args.seed, args.workdir)
    cases = check_cases(args.exe)
    passed, failed = generated[0] + cases[0], generated[1] + cases[1]
    print(f"crosscheck: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
