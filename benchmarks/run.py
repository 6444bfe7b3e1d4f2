#!/usr/bin/env python3
"""Side-by-side build benchmark: incidents, the cmark-gfm CLI and Hugo on one corpus.

Run through benchmarks/run.sh, which installs what is missing and builds release
binaries. Prints, for each corpus size: wall time (median of --runs), incidents/s,
MB/s of Markdown and peak RSS of `incidents build`; the cmark-gfm CLI rendering the
bodies alone; Hugo building the equivalent site (sizes up to --hugo-max); and the
rebuild time after one incident changed (incidents-benchmark, at 10,000 or the
largest size below it).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INCIDENTS = os.path.join(ROOT, ".build", "release", "incidents")
REBUILD = os.path.join(ROOT, ".build", "release", "incidents-benchmark")
WORKDIR = "/tmp/incidents-bench"
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]


def settle(workdir, limit=600):
    """Waits until no previous output is still being deleted in the background
    (`incidents build` leaves that to a detached `rm -rf`), so it does not slow
    down the next measurement."""
    deadline = time.time() + limit
    while time.time() < deadline and any(".incidents-previous-" in name for name in os.listdir(workdir)):
        time.sleep(0.5)


def timed(command, cwd=None):
    """Runs `command` under /usr/bin/time; returns (wall seconds, peak RSS in MB)."""
    settle(WORKDIR)
    result = subprocess.run(["/usr/bin/time", "-f", "@@%e %M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    line = [l for l in result.stderr.splitlines() if l.startswith("@@")][-1]
    wall, rss = line[2:].split()
    return float(wall), int(rss) / 1024


def median_run(command, runs, before=None, cwd=None):
    walls, rsses = [], []
    for _ in range(runs):
        if before:
            before()
        wall, rss = timed(command, cwd)
        walls.append(wall)
        rsses.append(rss)
    return statistics.median(walls), statistics.median(rsses), walls


def bodies_file(site, target):
    """All incident bodies (front matter removed) in one file, for the cmark-gfm CLI."""
    with open(target, "w", encoding="utf-8") as out:
        for folder, _, names in sorted(os.walk(os.path.join(site, "content", "incidents"))):
            for name in sorted(names):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                out.write(text.split("\n---\n", 1)[1] + "\n\n")
    return os.path.getsize(target) / 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hugo-max", type=int, default=10000, help="largest size Hugo is run on (0: never)")
    parser.add_argument("--workdir", default="/tmp/incidents-bench")
    args = parser.parse_args()
    global WORKDIR
    WORKDIR = args.workdir
    sizes = [int(size) for size in args.sizes.split(",")]
    os.makedirs(args.workdir, exist_ok=True)

    print("machine: %d cores, %s" % (os.cpu_count(), open("/proc/meminfo").readline().split(":")[1].strip()))
    print("date: %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    print("hugo: %s" % subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip())
    rows = []
    for size in sizes:
        site = os.path.join(args.workdir, "site-%d" % size)
        hugo = os.path.join(args.workdir, "hugo-%d" % size) if size <= args.hugo_max else None
        generate = [sys.executable, os.path.join(HERE, "generate_corpus.py"), str(size), site] + (["--hugo", hugo] if hugo else [])
        print("\n== %d incidents ==" % size, flush=True)
        print(subprocess.run(generate, check=True, capture_output=True, text=True).stdout.strip(), flush=True)
        markdown_mb = sum(os.path.getsize(os.path.join(folder, name))
                          for folder, _, names in os.walk(os.path.join(site, "content")) for name in names) / 1e6

        bodies = os.path.join(args.workdir, "bodies-%d.md" % size)
        bodies_mb = bodies_file(site, bodies)
        cmark_wall, cmark_rss, _ = median_run(CMARK + [bodies], args.runs)
        print("cmark-gfm CLI, %.1f MB of bodies in one file: %.2f s" % (bodies_mb, cmark_wall), flush=True)

        wall, rss, walls = median_run([INCIDENTS, "build", "--source", site], args.runs)
        print("incidents build: median %.2f s (runs: %s), peak RSS %.0f MB, %.0f incidents/s, %.1f MB/s"
              % (wall, ", ".join("%.2f" % w for w in walls), rss, size / wall, markdown_mb / wall), flush=True)

        row = {"size": size, "mb": markdown_mb, "wall": wall, "rss": rss, "cmark": cmark_wall}
        if hugo:
            public = os.path.join(hugo, "public")
            clean = lambda: shutil.rmtree(public, ignore_errors=True)
            hugo_wall, hugo_rss, hugo_walls = median_run(["hugo", "--quiet", "-s", hugo, "-d", public], args.runs, before=clean)
            print("hugo: median %.2f s (runs: %s), peak RSS %.0f MB" % (hugo_wall, ", ".join("%.2f" % w for w in hugo_walls), hugo_rss), flush=True)
            row.update(hugo=hugo_wall, hugo_rss=hugo_rss)
        rows.append(row)

    rebuild_size = max([size for size in sizes if size <= 10000], default=None)
    if rebuild_size:
        print("\n== rebuild after one incident changed, %d incidents (in memory, as serve does) ==" % rebuild_size, flush=True)
        settle(args.workdir)
        result = subprocess.run([REBUILD, os.path.join(args.workdir, "site-%d" % rebuild_size), "9"], capture_output=True, text=True)
        print(result.stdout.strip() or result.stderr.strip(), flush=True)

    print("\n| incidents | Markdown | incidents build | incidents/s | MB/s | peak RSS | cmark-gfm CLI | Hugo | Hugo RSS |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print("| %d | %.1f MB | %.2f s | %.0f | %.1f | %.0f MB | %.2f s | %s | %s |" % (
            row["size"], row["mb"], row["wall"], row["size"] / row["wall"], row["mb"] / row["wall"], row["rss"], row["cmark"],
            "%.2f s" % row["hugo"] if "hugo" in row else "–", "%.0f MB" % row["hugo_rss"] if "hugo" in row else "–"))
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["rss"] - first["rss"]) / ((last["size"] - first["size"]) / 10000)
        print("\npeak RSS grows by %.0f MB per 10,000 incidents (%d -> %d)." % (growth, first["size"], last["size"]))


if __name__ == "__main__":
    main()
