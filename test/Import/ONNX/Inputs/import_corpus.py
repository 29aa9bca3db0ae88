"""Imports every model of the ONNX backend test data and sorts the outcomes.

Usage: import_corpus.py KILN_COMPILE DATA_DIR MIN_IMPORTED
Prints one line per outcome class and the failures grouped by reason. Exits
non-zero if any import crashed (a signal or an exit code other than 0/1),
printed no diagnostic on failure, or fewer than MIN_IMPORTED models imported
(a ratchet: raise it when coverage grows).
"""
import collections
import concurrent.futures
import glob
import os
import re
import subprocess
import sys


def import_model(tool, path):
    try:
        result = subprocess.run([tool, path, "--to=import", "-o", os.devnull],
                                capture_output=True, text=True, errors="replace",
                                timeout=120)
    except subprocess.TimeoutExpired:
        return path, "crashed", "timed out"
    if result.returncode == 0:
        return path, "imported", ""
    message = result.stderr.strip().splitlines()[0] if result.stderr.strip() else ""
    if result.returncode == 1 and message.startswith("error: "):
        return path, "failed cleanly", message
    return path, "crashed", f"exit code {result.returncode}: {result.stderr[-400:]}"


def reason_of(message):
    """The failure's reason without model paths and node names."""
    reason = message.split(".onnx: ", 1)[-1]
    reason = re.sub(r"node '[^']*' \(([^,]+), [^)]*\): ", r"\1: ", reason)
    return re.sub(r" at node\(s\) [^;]*", "", reason)


def main():
    tool, data_dir, minimum = sys.argv[1], sys.argv[2], int(sys.argv[3])
    models = sorted(glob.glob(os.path.join(data_dir, "*", "*", "model.onnx")))
    if not models:
        print(f"no models under {data_dir}")
        return 1
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda m: import_model(tool, m), models))
    outcomes = collections.Counter(outcome for _, outcome, _ in results)
    print(f"models: {len(models)}")
    for outcome in ["imported", "failed cleanly", "crashed"]:
        print(f"{outcome}: {outcomes[outcome]}")
    reasons = collections.Counter(reason_of(message) for _, outcome, message
                                  in results if outcome == "failed cleanly")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason[:160]}")
    for path, outcome, message in results:
        if outcome == "crashed":
            print(f"CRASH {path}: {message}")
    if outcomes["crashed"]:
        return 1
    if outcomes["imported"] < minimum:
        print(f"only {outcomes['imported']} imported, expected at least {minimum}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
