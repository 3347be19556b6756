#!/usr/bin/env python3
"""Summarises a Java Flight Recording of a geotraffic run: where the CPU samples went.

  bench/jfr-top.py FILE.jfr [--top 25] [--threads executor|all]

Reads `jfr print --events jdk.ExecutionSample --stack-depth 96` (text) and prints
  * self time: the top (leaf) frame of each sample, by method;
  * inclusive time: methods present anywhere in a sample's stack (counted once per sample);
  * by stage: each sample attributed to the innermost frame that belongs to a known pipeline component
    (parse, geo lookup, visitor hash, Row conversion, Hadoop read, Spark aggregate, shuffle, ...);
  * GC: total and longest pauses (jdk.GarbageCollection).
Only Spark task threads ("Executor task launch worker") count by default: they do the job's work.
"""
import argparse
import collections
import re
import subprocess
import sys

# (substring of "class.method", stage). Checked for each frame from the leaf up; first frame that
# matches any rule decides. Order inside one frame: first rule wins.
STAGE_RULES = [
    ("org.geotraffic.geo.VisitorHasher", "enrich: visitor hash (HMAC-SHA256)"),
    ("com.sun.crypto.provider.Hmac", "enrich: visitor hash (HMAC-SHA256)"),
    ("javax.crypto.Mac", "enrich: visitor hash (HMAC-SHA256)"),
    ("com.maxmind.", "enrich: geo lookup (MaxMind reader)"),
    ("org.geotraffic.geo.GeoDatabase", "enrich: geo lookup (MaxMind reader)"),
    ("org.geotraffic.geo.IpLiterals", "enrich: IP literal parsing"),
    ("org.geotraffic.geo.SpecialAddresses", "enrich: special-address checks"),
    ("org.geotraffic.geo.InternalNetworks", "enrich: internal networks"),
    ("org.geotraffic.geo.ProxyChain", "enrich: proxy chain"),
    ("org.geotraffic.geo.HostSuffix", "enrich: host-name suffix rules"),
    ("org.geotraffic.geo.", "enrich: geo (other)"),
    ("org.geotraffic.enrich.ClientLocator", "enrich: locate (other)"),
    ("org.geotraffic.parse.PageClassifier", "enrich: page classifier"),
    ("org.geotraffic.parse.BotDetector", "enrich: bot detector"),
    ("org.geotraffic.parse.EventDates", "enrich: event dates"),
    ("org.geotraffic.parse.CivilCalendar", "enrich: event dates"),
    ("org.geotraffic.parse.", "enrich: parse line"),
    ("org.geotraffic.enrich.", "enrich: LineEnricher (other)"),
    ("org.geotraffic.pipeline.EnrichedRows", "Row creation + Row->InternalRow conversion"),
    ("org.apache.spark.sql.catalyst.CatalystTypeConverters", "Row creation + Row->InternalRow conversion"),
    ("org.apache.spark.sql.RowFactory", "Row creation + Row->InternalRow conversion"),
    ("org.apache.hadoop.io.Text.", "read: Hadoop line reader + UTF-8 decode"),
    ("org.apache.hadoop.util.LineReader", "read: Hadoop line reader + UTF-8 decode"),
    ("org.apache.hadoop.mapreduce.lib.input.LineRecordReader", "read: Hadoop line reader + UTF-8 decode"),
    ("org.geotraffic.pipeline.EnrichPartition", "read: Hadoop line reader + UTF-8 decode"),
    ("org.apache.spark.sql.execution.columnar", "Spark: persist (in-memory columnar cache)"),
    ("org.apache.spark.sql.execution.datasources.parquet", "Spark: Parquet write"),
    ("org.apache.parquet", "Spark: Parquet write"),
    ("org.apache.spark.shuffle.", "Spark: shuffle write/read"),
    ("org.apache.spark.storage.", "Spark: shuffle write/read"),
    ("org.apache.spark.io.", "Spark: shuffle compression"),
    ("net.jpountz.", "Spark: shuffle compression"),
    ("com.github.luben.", "Spark: shuffle compression"),
    ("org.apache.spark.unsafe.map.BytesToBytesMap", "Spark: hash aggregate"),
    ("org.apache.spark.sql.execution.UnsafeFixedWidthAggregationMap", "Spark: hash aggregate"),
    ("org.apache.spark.sql.execution.aggregate.", "Spark: hash aggregate"),
    ("org.apache.spark.sql.catalyst.expressions.GeneratedClass", "Spark: generated code (aggregate/projection)"),
    ("org.apache.spark.sql.catalyst.expressions.UnsafeRow", "Spark: generated code (aggregate/projection)"),
    ("org.apache.spark.unsafe.", "Spark: generated code (aggregate/projection)"),
    ("org.apache.spark.util.collection.", "Spark: external sort/spill"),
    ("org.apache.spark.", "Spark: other"),
    ("scala.", "Scala runtime"),
]

FRAME = re.compile(r"^\s+(\S+?)\((.*)\)(?:\s+line:.*)?$")


def samples(jfr, stack_depth):
    """Yields (thread name, [frames leaf first]) per execution sample."""
    p = subprocess.Popen(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(stack_depth), jfr],
                         stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    thread, frames, in_stack = None, [], False
    for line in p.stdout:
        s = line.rstrip("\n")
        if s.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif s.strip().startswith("sampledThread ="):
            m = re.search(r'"(.*)"', s)
            thread = m.group(1) if m else s
        elif s.strip() == "stackTrace = [":
            in_stack = True
        elif in_stack and s.strip() == "]":
            in_stack = False
        elif in_stack:
            m = FRAME.match(s)
            if m:
                frames.append(m.group(1))
            elif s.strip() == "...":
                frames.append("...(truncated)")
        elif s == "}":
            yield thread or "?", frames
    p.wait()


def stage_of(frames):
    for f in frames:
        for pattern, stage in STAGE_RULES:
            if pattern in f:
                return stage
    return "other: " + (".".join(frames[0].split(".")[:3]) if frames else "?")


def gc_summary(jfr):
    out = subprocess.run(["jfr", "print", "--events", "jdk.GarbageCollection", jfr], capture_output=True, text=True).stdout
    pauses = []
    names = collections.Counter()
    for block in out.split("jdk.GarbageCollection")[1:]:
        m = re.search(r"sumOfPauses = ([\d.]+) (ms|s|us)", block)
        n = re.search(r'name = "(.*)"', block)
        if m:
            v = float(m.group(1)) * {"ms": 1, "s": 1000, "us": 0.001}[m.group(2)]
            pauses.append(v)
            names[n.group(1) if n else "?"] += 1
    return pauses, names


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("jfr")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--threads", choices=("executor", "all"), default="executor")
    p.add_argument("--stack-depth", type=int, default=96)
    a = p.parse_args()
    self_t, incl, stages, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for thread, frames in samples(a.jfr, a.stack_depth):
        threads[re.sub(r"\d+", "N", thread)] += 1
        if a.threads == "executor" and "Executor task launch worker" not in thread:
            continue
        if not frames:
            continue
        total += 1
        self_t[frames[0]] += 1
        for f in set(frames):
            incl[f] += 1
        stages[stage_of(frames)] += 1
    print(f"{a.jfr}: {total} samples on {'Spark task threads' if a.threads == 'executor' else 'all threads'}")
    print("\nsamples by thread (all threads):")
    for t, n in threads.most_common(8):
        print(f"  {n:7d}  {t}")
    print("\nby stage (innermost known component):")
    for s, n in stages.most_common():
        print(f"  {100.0 * n / total:5.1f}%  {n:7d}  {s}")
    print(f"\nself time, top {a.top}:")
    for f, n in self_t.most_common(a.top):
        print(f"  {100.0 * n / total:5.1f}%  {f}")
    print(f"\ninclusive time (org.geotraffic, com.maxmind, crypto, hadoop.io), top {a.top}:")
    interesting = [(f, n) for f, n in incl.most_common() if f.startswith(("org.geotraffic", "com.maxmind", "com.sun.crypto",
                                                                            "javax.crypto", "org.apache.hadoop.io", "org.apache.hadoop.util.LineReader",
                                                                            "org.apache.spark.sql.catalyst.CatalystTypeConverters"))]
    for f, n in interesting[:a.top]:
        print(f"  {100.0 * n / total:5.1f}%  {f}")
    pauses, names = gc_summary(a.jfr)
    if pauses:
        print(f"\nGC: {len(pauses)} collections, pauses total {sum(pauses):.0f} ms, longest {max(pauses):.0f} ms; {dict(names)}")


if __name__ == "__main__":
    main()
