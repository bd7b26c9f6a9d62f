#!/usr/bin/env python3
"""Kills the real program mid-edit and starts it again: the edit must come back.

Drives bedrock-whatif (offscreen) through its BWI_TEST_SCRIPT hook
(docs/crash-safety.md): open a scenario, move the global volume, wait for the
autosave, SIGKILL; start again and take the recovery offer. Also kills it at
random moments while it autosaves every 100 ms: the autosave on disk is always
a whole scenario, and the scenario file itself is never touched.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time


def environment(workdir, interval_ms=None, script=None):
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": workdir,
        "XDG_DATA_HOME": os.path.join(workdir, "data"),
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
    })
    env.pop("BWI_AUTOSAVE_INTERVAL_MS", None)
    env.pop("BWI_TEST_SCRIPT", None)
    if interval_ms is not None:
        env["BWI_AUTOSAVE_INTERVAL_MS"] = str(interval_ms)
    if script is not None:
        env["BWI_TEST_SCRIPT"] = script
    return env


def autosave_path(workdir):
    return os.path.join(workdir, "data", "BedrockWhatIf", "bedrock-whatif", "autosave",
                        "autosave.json")


def run_script(exe, workdir, script, *arguments):
    result = subprocess.run([exe, *arguments], env=environment(workdir, script=script),
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        sys.exit(f"{script}: exit status {result.returncode}\n{result.stderr}")
    return result.stdout.strip()


def wait_for_autosave(path, predicate, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the program exited early with status {process.returncode}")
        try:
            with open(path, encoding="utf-8") as file:
                if predicate(json.load(file)):
                    return
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    sys.exit(f"no autosave at {path} within {seconds} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    plan = os.path.join(args.workdir, "plan.json")
    shutil.copyfile(args.scenario, plan)
    with open(plan, "rb") as file:
        original = file.read()
    saved = autosave_path(args.workdir)

    # A fresh start has nothing to recover: the value is the file's own.
    before = run_script(args.exe, args.workdir, "recover;print;quit", plan)
    if not before.startswith("global_volume_multiplier=1 modified=0"):
        sys.exit(f"unexpected state before the edit: {before!r}")

    # The edit, the autosave, the kill.
    process = subprocess.Popen([args.exe, plan],
                               env=environment(args.workdir, 200, "volume=2.5"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for_autosave(saved, lambda s: s.get("global_volume_multiplier") == 2.5, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with open(plan, "rb") as file:
        if file.read() != original:
            sys.exit("the scenario file changed although the user never saved")

    # Started again, the recovery offer brings the edit back, unsaved.
    after = run_script(args.exe, args.workdir, "recover;print;quit")
    expected = f"global_volume_multiplier=2.5 modified=1 file={os.path.realpath(plan)}"
    if after != expected and after != expected.replace(os.path.realpath(plan), plan):
        sys.exit(f"after recovery: {after!r}, expected {expected!r}")

    # Killed at any moment while autosaving, what is on disk is whole.
    rng = random.Random(7)
    for attempt in range(6):
        volume = 3 + attempt
        process = subprocess.Popen([args.exe, plan],
                                   env=environment(args.workdir, 100, f"volume={volume}"),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_autosave(saved, lambda s, v=volume: s.get("global_volume_multiplier") == v,
                          process)
        time.sleep(rng.uniform(0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        with open(saved, encoding="utf-8") as file:
            state = json.load(file)  # raises on a torn write
        if state.get("global_volume_multiplier") != volume:
            sys.exit(f"attempt {attempt}: autosave holds {state.get('global_volume_multiplier')}")
    print("recovered after SIGKILL; autosaves whole after 6 random kills")


if __name__ == "__main__":
    main()
