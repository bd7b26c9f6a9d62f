#!/usr/bin/env python3
"""`bedrock-whatif ratecard update` end to end against a local Price List
server on 127.0.0.1 (offerserver.py): every transfer mode that must work
gives the same card, every failure exits 1 with one message naming the URL
and leaves the files as they were. Prints the end-to-end time of an update."""

import argparse
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from offerserver import LocalPriceList, write_offers  # noqa: E402

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAILED:", message)


def environment(data_home, proxy=None):
    env = {k: v for k, v in os.environ.items()
           if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
    env["XDG_DATA_HOME"] = data_home
    env["QT_QPA_PLATFORM"] = "offscreen"
    if proxy:
        env["http_proxy"] = proxy
    return env


def run(exe, arguments, env):
    started = time.monotonic()
    result = subprocess.run([exe, "ratecard", "update"] + arguments, env=env,
                            capture_output=True, text=True, timeout=120)
    return result, (time.monotonic() - started) * 1000


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True)
    parser.add_argument("--workdir", required=True)
    arguments = parser.parse_args()
    work = arguments.workdir
    shutil.rmtree(work, ignore_errors=True)
    tree = os.path.join(work, "server")
    data_home = os.path.join(work, "data")
    write_offers(tree)
    env = environment(data_home)
    exe = arguments.exe

    with LocalPriceList(tree) as base:
        # The update, as JSON, to a given file.
        out = os.path.join(work, "plain.json")
        result, elapsed = run(exe, ["--source", base + "/plain/", "--out", out, "--json"], env)
        print(f"ratecard update end to end (3 offers, local server): {elapsed:.0f} ms")
        check(result.returncode == 0, f"plain update exits 0: {result.stderr}")
        report = json.loads(result.stdout) if result.returncode == 0 else {}
        changes = {(g["model"], g["change"], g["field"]): g for g in report.get("groups", [])}
        nova = changes.get(("amazon.nova-pro-v1:0", "changed", "on_demand.output_per_1m"))
        check(nova is not None and abs(nova["old"] - 3.2) < 1e-9 and abs(nova["new"] - 3.6) < 1e-9,
              "Nova Pro output 3.2 → 3.6 in the diff")
        for added in ("anthropic.claude-mythos-5", "anthropic.claude-mythos-preview"):
            check((added, "added", None) in changes, f"{added} is a new model")
        # Names the card spells otherwise price the card's models, never a new one.
        added_ids = {model for (model, change, _) in changes if change == "added"}
        for known in ("zai.glm5", "qwen.qwen3-32b", "anthropic.claude-opus-5-5",
                      "meta.llama-3-3-70-b-instruct"):
            check(known not in added_ids, f"{known} is not added (the card has it)")
        llama = changes.get(("us.meta.llama3-3-70b-instruct-v1:0", "changed", "on_demand.input_per_1m"))
        check(llama is not None and abs(llama["new"] - 0.65) < 1e-9,
              "Llama 3.3 70B Instruct prices the card's Llama 3.3")
        check(report.get("as_of") == "2026-11-24", "the card is dated by the offers")
        check(report.get("written") == out, "--out names the file written")
        card = json.load(open(out)) if os.path.exists(out) else {}
        check(card.get("region") == "us-east-1", "the card is us-east-1's")

        # gzip Content-Encoding, .gz files and a folder give the same card.
        for mode, source in (("gzip", base + "/gzip"), ("gzfile", base + "/gzfile/"),
                             ("folder", tree)):
            path = os.path.join(work, mode + ".json")
            result, _ = run(exe, ["--source", source, "--out", path], env)
            check(result.returncode == 0, f"{mode}: exits 0: {result.stderr}")
            same = os.path.exists(path) and json.load(open(path)) == card
            check(same, f"{mode}: the same card as plain")

        # Another region, saved to the data folder (XDG_DATA_HOME is the test's).
        result, _ = run(exe, ["--source", base + "/plain/", "--region", "eu-central-1"], env)
        check(result.returncode == 0, f"eu-central-1 exits 0: {result.stderr}")
        saved = glob.glob(os.path.join(data_home, "*", "*", "ratecards", "eu-central-1-2026-11-24.json"))
        check(len(saved) == 1, "eu-central-1's card is saved as ratecards/eu-central-1-2026-11-24.json")
        check("Wrote the rate card" in result.stdout, "the text report says where it wrote")
        check("Compared with the built-in card" in result.stdout, "the first update compares with the built-in card")
        result, _ = run(exe, ["--source", base + "/plain/", "--region", "eu-central-1"], env)
        check("Compared with the saved eu-central-1 card as of 2026-11-24" in result.stdout,
              "a second update compares with the saved card")
        check("No price differs" in result.stdout, "and finds no difference")

        # Failures: exit 1, the URL named, nothing written, an existing file untouched.
        keep = os.path.join(work, "keep.json")
        cases = [
            ("404", base + "/404/", [], "HTTP 404"),
            ("500", base + "/500/", [], "HTTP 500"),
            ("html", base + "/html/", [], "not valid JSON"),
            ("truncated", base + "/truncated/", [], "not valid JSON"),
            ("cut", base + "/cut/", [], "cut short"),
            ("slow", base + "/slow/", ["--timeout", "2"], "timed out"),
            ("refused", f"http://127.0.0.1:{closed_port()}/", [], "refused the connection"),
            ("region", base + "/plain/", ["--region", "ap-south-1"], "no Bedrock offer has a file for ap-south-1"),
            ("folder", os.path.join(work, "missing-folder"), [], "not an http(s) URL"),
        ]
        for name, source, extra, expected in cases:
            with open(keep, "w") as handle:
                handle.write("KEEP")
            started = time.monotonic()
            result, _ = run(exe, ["--source", source, "--out", keep] + extra, env)
            check(result.returncode == 1, f"{name}: exits 1 (got {result.returncode}): {result.stderr}")
            check(expected in result.stderr, f"{name}: says \"{expected}\": {result.stderr.strip()}")
            check(name in ("region", "folder") or "127.0.0.1" in result.stderr,
                  f"{name}: names the URL")
            check(open(keep).read() == "KEEP", f"{name}: the existing file is untouched")
            if name == "slow":
                check(time.monotonic() - started < 20, "slow: gives up after the timeout")
        check(not glob.glob(os.path.join(work, "*.tmp*")), "no temporary file is left")

        # The system proxy settings are read, and loopback bypasses them:
        # an http_proxy that is not there does not break a local update.
        result, _ = run(exe, ["--source", base + "/plain/", "--out", os.path.join(work, "proxy.json")],
                        environment(data_home, f"http://127.0.0.1:{closed_port()}"))
        check(result.returncode == 0, f"loopback bypasses the system proxy: {result.stderr.strip()}")

        # A wrong command line exits 2.
        result, _ = run(exe, ["--region", "Frankfurt"], env)
        check(result.returncode == 2, "a region that is not a code exits 2")

    print(f"{1 if FAILURES else 0} failed" if FAILURES else "ratecard update: all checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
