#!/usr/bin/env python3
"""Summarises a Spark event log of a geotraffic run: one line per Spark stage, in order.

  bench/stages.py EVENT_LOG_FILE_OR_DIR [--jfr FILE.jfr]

For each stage: wall time (submission to completion), tasks, summed task CPU time and run time, input
records, shuffle records/bytes written and read, memory/disk spill, and the job it belongs to (its
call site, e.g. "collectAsList at AggregateStage.java:123"). bench/run runs geotraffic with an event
log when given --eventlog. With --jfr, each CPU sample of a Spark task thread is attributed to the stages
running at its time (by wall-clock windows; overlapping stages share the sample label).
"""
import argparse
import collections
import datetime as dt
import glob
import json
import os
import re
import subprocess

METRICS = {
    "internal.metrics.executorCpuTime": "cpu_ns",
    "internal.metrics.executorRunTime": "run_ms",
    "internal.metrics.jvmGCTime": "gc_ms",
    "internal.metrics.input.recordsRead": "in_records",
    "internal.metrics.shuffle.write.recordsWritten": "sw_records",
    "internal.metrics.shuffle.write.bytesWritten": "sw_bytes",
    "internal.metrics.shuffle.read.recordsRead": "sr_records",
    "internal.metrics.memoryBytesSpilled": "mem_spill",
    "internal.metrics.diskBytesSpilled": "disk_spill",
    "internal.metrics.peakExecutionMemory": "peak_exec_mem",
}


def event_file(path):
    if os.path.isdir(path):
        files = sorted(glob.glob(os.path.join(path, "*")), key=os.path.getmtime)
        return files[-1]
    return path


def stages(path):
    jobs = {}
    out = {}
    for line in open(event_file(path)):
        try:
            e = json.loads(line)
        except json.JSONDecodeError:
            continue  # the last line of a log still being written
        kind = e.get("Event")
        if kind == "SparkListenerJobStart":
            for sid in e.get("Stage IDs", []):
                jobs[sid] = e["Job ID"]
        elif kind == "SparkListenerStageCompleted":
            info = e["Stage Info"]
            m = collections.Counter()
            for acc in info.get("Accumulables", []):
                key = METRICS.get(acc.get("Name"))
                if key:
                    m[key] = int(acc.get("Value", 0))
            out[info["Stage ID"]] = {
                "id": info["Stage ID"], "job": jobs.get(info["Stage ID"]), "name": info.get("Stage Name", ""),
                "tasks": info.get("Number of Tasks"), "start": info.get("Submission Time"), "end": info.get("Completion Time"),
                **m,
            }
    return [out[k] for k in sorted(out, key=lambda k: (out[k]["start"] or 0, k))]


def jfr_samples(jfr, day):
    """(epoch ms, thread) of each execution sample. `jfr print` shows local time of day only; day is the
    local date of the run (from the event log)."""
    p = subprocess.Popen(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1", jfr], stdout=subprocess.PIPE, text=True)
    t = None
    for line in p.stdout:
        m = re.match(r"\s+startTime = (\d\d):(\d\d):(\d\d)\.(\d+)", line)
        if m:
            h, mi, s, frac = m.groups()
            local = dt.datetime(day.year, day.month, day.day, int(h), int(mi), int(s), int(frac[:6].ljust(6, "0")))
            t = local.timestamp() * 1000
        m = re.match(r'\s+sampledThread = "(.*)"', line)
        if m and t is not None:
            yield t, m.group(1)
            t = None
    p.wait()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("eventlog")
    p.add_argument("--jfr")
    a = p.parse_args()
    st = stages(a.eventlog)
    t0 = min(s["start"] for s in st if s["start"])
    total_cpu = sum(s.get("cpu_ns", 0) for s in st) / 1e9
    print(f"{'stage':>5} {'job':>4} {'start s':>8} {'wall s':>7} {'tasks':>5} {'CPU s':>7} {'CPU%':>5} {'GC s':>6} {'in recs':>11} "
          f"{'shufW recs':>11} {'shufW MB':>9} {'shufR recs':>11} {'spill MB':>9}  name")
    for s in st:
        wall = ((s["end"] or s["start"]) - s["start"]) / 1000
        cpu = s.get("cpu_ns", 0) / 1e9
        print(f"{s['id']:>5} {s['job'] if s['job'] is not None else '-':>4} {(s['start'] - t0) / 1000:>8.1f} {wall:>7.1f} {s['tasks']:>5} "
              f"{cpu:>7.1f} {100 * cpu / total_cpu if total_cpu else 0:>5.1f} {s.get('gc_ms', 0) / 1000:>6.1f} {s.get('in_records', 0):>11,} {s.get('sw_records', 0):>11,} "
              f"{s.get('sw_bytes', 0) / 1e6:>9.1f} {s.get('sr_records', 0):>11,} {s.get('disk_spill', 0) / 1e6:>9.1f}  {s['name'][:60]}")
    wall = (max(s["end"] or s["start"] for s in st) - t0) / 1000
    print(f"total task CPU {total_cpu:.1f} s, task GC {sum(s.get('gc_ms', 0) for s in st) / 1000:.1f} s, "
          f"over {len(st)} stages spanning {wall:.1f} s wall")
    if a.jfr:
        by = collections.Counter()
        n = 0
        for t, thread in jfr_samples(a.jfr, dt.datetime.fromtimestamp(t0 / 1000).date()):
            if "Executor task launch worker" not in thread:
                continue
            n += 1
            active = [s for s in st if s["start"] <= t <= (s["end"] or s["start"])]
            by[" + ".join(f"{x['id']}" for x in active) or "(between stages)"] += 1
        print(f"\nJFR task-thread samples by active stage ({n} samples):")
        for k, v in by.most_common(15):
            print(f"  {100 * v / n:5.1f}%  stage {k}")


if __name__ == "__main__":
    main()
