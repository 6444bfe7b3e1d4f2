#!/usr/bin/env python3
"""What hostile incident files cost: one build per case, each file the only incident
of a site, timed side by side with the cmark-gfm command-line tool on the same body.

    bash benchmarks/hostile.sh          # builds release binaries first

Each case is a kind of input that was quadratic (or worse) in an earlier version:
Debian 12's cmark-gfm 0.29.0.gfm.6 on `![[]()` and on wide tables, and our own HTML
post-processing on tables with aligned columns. The bound printed next to each
figure is what docs/reliability.md promises: a build of one file of any content
under 8 MB finishes in seconds, in time that grows linearly with its size.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INCIDENTS = os.path.join(ROOT, ".build", "release", "incidents")
EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
# The cmark-gfm we link (built by scripts/install-dependencies.sh), and Debian 12's own
# 0.29.0.gfm.6 (package cmark-gfm), shown for comparison when installed.
CMARK = ["/usr/local/bin/incidents-cmark-gfm"] + EXTENSIONS
DEBIAN_CMARK = ["/usr/bin/cmark-gfm"] + EXTENSIONS
DEBIAN_LIMIT = 30
WORKDIR = "/tmp/incidents-hostile"
FRONT = "---\ntitle: Hostile\nseverity: high\ndate_reported: 2024-01-01\n---\n"


def table(rows, columns, aligned):
    head = "|" + "a|" * columns + "\n"
    rule = "|" + (":-:|" if aligned else "-|") * columns + "\n"
    return head + rule + ("|" + "x|" * columns + "\n") * rows


CASES = [
    # (name, body, bound in seconds)
    ("aligned table, 40,000 rows", table(40_000, 2, True), 2.0),
    ("aligned table, 400,000 rows (4 MB)", table(400_000, 2, True), 10.0),
    ("![[]() x 40,000 (240 KB)", "![[]()" * 40_000, 2.0),
    ("![[]() x 1,000,000 (6 MB)", "![[]()" * 1_000_000, 10.0),
    ("table of 4,000 columns, 20 rows", table(20, 4_000, False), 2.0),
    ("table of 16,000 columns, 20 rows", table(20, 16_000, False), 5.0),
    ("5,000 nested block quotes", ">" * 5_000 + " deep\n", 2.0),
    ("50,000 open brackets", "[" * 50_000 + "x" + "]" * 50_000 + "\n", 2.0),
    ("20,000 unclosed emphasis runs", "*a **a " * 20_000 + "\n", 2.0),
    ("20,000 unclosed links", "[a](" * 20_000 + "\n", 2.0),
    ("8 MB of ordinary lines", ("word " * 19 + "word\n") * (8_000_000 // 100), 10.0),
]


def run(command, limit=None):
    start = time.perf_counter()
    try:
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None, 0, ""
    elapsed = time.perf_counter() - start
    return elapsed, result.returncode, result.stderr


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    shutil.rmtree(WORKDIR, ignore_errors=True)
    debian = os.path.exists(DEBIAN_CMARK[0])
    print("%-38s %10s %10s %8s  %-8s %s" % ("case", "incidents", "cmark-gfm", "bound", "within?",
                                           "Debian's gfm.6 CLI" if debian else ""))
    failures = 0
    for index, (name, body, bound) in enumerate(CASES):
        site = os.path.join(WORKDIR, "site%d" % index)
        os.makedirs(os.path.join(site, "content", "incidents"))
        text = FRONT + body
        if len(text.encode()) > 8 << 20:
            text = text[: (8 << 20) - 16]
        with open(os.path.join(site, "content", "incidents", "hostile.md"), "w") as handle:
            handle.write(text)
        with open(os.path.join(site, "body.md"), "w") as handle:
            handle.write(body)
        ours, cli = [], []
        for _ in range(runs):
            elapsed, status, errors = run([INCIDENTS, "build", "--source", site, "--output", os.path.join(site, "public"), "-q"])
            if status != 0:
                sys.exit("build failed on %s:\n%s" % (name, errors[-2000:]))
            ours.append(elapsed)
            cli.append(run(CMARK + [os.path.join(site, "body.md")])[0])
        median = statistics.median(ours)
        within = median <= bound
        failures += not within
        old = ""
        if debian:
            elapsed = run(DEBIAN_CMARK + [os.path.join(site, "body.md")], limit=DEBIAN_LIMIT)[0]
            old = "> %d s" % DEBIAN_LIMIT if elapsed is None else "%.2f s" % elapsed
        print("%-38s %8.2f s %8.2f s %6.1f s  %-8s %s" % (name, median, statistics.median(cli), bound, "yes" if within else "NO", old))
    shutil.rmtree(WORKDIR, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
