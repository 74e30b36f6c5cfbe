#!/usr/bin/env python3
"""How busy the cores were, slice by slice, from a perf recording: where a build or an
extraction runs on one core while the other waits.

    perf record -F 2000 -g -o /tmp/p.data .build/release/govreport extract CORPUS -q -o /tmp/x.jsonl
    perf script -i /tmp/p.data -F tid,time,ip,sym > /tmp/p.txt
    Scripts/cores-timeline.py /tmp/p.txt [--slice 0.01] [--rate 2000] [--cores 2] [--all]

Each line is a slice of the run: its start, the samples taken in it (all cores busy gives
rate × slice × cores), a star where fewer than nine tenths of that were taken, and the two
functions most often found in its samples' stacks (the first frame matching --frames, else
the leaf). Without --all only the starred slices are printed.
"""
import argparse
import collections
import re

parser = argparse.ArgumentParser()
parser.add_argument("script", help="output of perf script -F tid,time,ip,sym")
parser.add_argument("--slice", type=float, default=0.01, help="seconds per line")
parser.add_argument("--rate", type=float, default=2000, help="the sampling rate given to perf record -F")
parser.add_argument("--cores", type=int, default=2)
parser.add_argument("--frames", default=r"GovReport|govreport|main|exit|dl_",
                    help="regular expression for the frames worth naming")
parser.add_argument("--all", action="store_true", help="print every slice, not only the starred ones")
args = parser.parse_args()

samples = []
for block in open(args.script).read().split("\n\n"):
    lines = block.strip("\n").split("\n")
    head = re.match(r"\s*(\d+)\s+([\d.]+):", lines[0])
    if not head:
        continue
    frames = [re.sub(r"^\s*[0-9a-f]+ ", "", line).strip() for line in lines[1:]]
    samples.append((float(head.group(2)), frames))
if not samples:
    raise SystemExit("no samples: record with -g and script with -F tid,time,ip,sym")

start = min(t for t, _ in samples)
counts = collections.Counter()
names = collections.defaultdict(collections.Counter)
pattern = re.compile(args.frames)
for t, frames in samples:
    k = int((t - start) / args.slice)
    counts[k] += 1
    name = next((f for f in frames if pattern.search(f)), frames[0] if frames else "?")
    names[k][name[:80]] += 1

full = args.rate * args.slice * args.cores
idle = 0.0
for k in range(max(counts) + 1):
    n = counts[k]
    starred = n < 0.9 * full
    idle += max(0.0, full - n) / (args.rate * args.cores) if n else args.slice
    if starred or args.all:
        top = ", ".join(f"{name} ({c})" for name, c in names[k].most_common(2))
        print(f"{k * args.slice:7.3f} s {n:5d} {'*' if starred else ' '} {top}")
print(f"{(max(counts) + 1) * args.slice:.2f} s in all; cores idle for the equivalent of {idle:.3f} s of the whole machine")
