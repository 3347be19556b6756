#!/usr/bin/env python3
"""Top frames of a `jfr print --events jdk.ExecutionSample` dump: self and inclusive shares.
Usage: jfr print --events jdk.ExecutionSample x.jfr | jfr-top.py [filter-substring]"""
import collections, re, sys
flt = sys.argv[1] if len(sys.argv) > 1 else None
top, incl, n = collections.Counter(), collections.Counter(), 0
for e in sys.stdin.read().split('jdk.ExecutionSample'):
    frames = re.findall(r'^\s+([\w$.<>]+)\(.*line:', e, re.M)
    if not frames or (flt and not any(flt in f for f in frames)):
        continue
    n += 1
    top[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{n} samples")
for f, c in top.most_common(15):
    print(f"self {100 * c / n:5.1f}% {f}")
for f, c in incl.most_common(25):
    print(f"incl {100 * c / n:5.1f}% {f}")
