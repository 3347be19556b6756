#!/usr/bin/env python3
"""CPU seconds per JVM thread group of one command (the JVM must be the process the command execs).

  bench/threads.py scripts/geotraffic run --input FILE --output OUT --geoip-db DB

Polls /proc/<pid>/task/*/stat twice a second and, when the command ends, prints the last user+sys CPU seen
per thread name with digits folded ("C2 CompilerThread0" and "C1 CompilerThread1" -> "C# CompilerThre").
Tells JIT compilation, GC threads, Spark task threads and the driver apart, which the Spark event log
(task CPU only) and /usr/bin/time (process total only) cannot. CPU of threads that ended between two
polls after their last sample is lost, so totals come out slightly below the process's.
"""
import collections
import os
import re
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
    last = {}
    tick = os.sysconf("SC_CLK_TCK")
    while proc.poll() is None:
        try:
            tids = os.listdir(f"/proc/{proc.pid}/task")
        except FileNotFoundError:
            break
        for tid in tids:
            try:
                with open(f"/proc/{proc.pid}/task/{tid}/stat") as f:
                    stat = f.read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
        time.sleep(0.5)
    groups = collections.Counter()
    for name, seconds in last.values():
        groups[re.sub(r"\d+", "#", name)] += seconds
    for group, seconds in groups.most_common(12):
        print(f"{seconds:8.1f} s  {group}")
    print(f"{sum(groups.values()):8.1f} s  all threads seen (exit code {proc.wait()})")


if __name__ == "__main__":
    main()
