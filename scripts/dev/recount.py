#!/usr/bin/env python3
"""Independent recount of a combined-format log, for checking geotraffic by hand (not used by tests).

Counts hits, page views, bytes and distinct (client, user agent) visitors per UTC day and country
(and region), with its own regex parser and libmaxminddb's `mmdblookup` for IPs — nothing shared
with the Java code. Host names: country-code TLD (uk -> GB; generic -> unknown; <state>.us -> US-<STATE>).
Private/loopback -> (internal); other special ranges -> (unknown).

Usage: scripts/dev/recount.py DB.mmdb LOG [LOG...]   (.gz allowed) -> JSON on stdout
"""
import collections, datetime as dt, gzip, ipaddress, json, re, subprocess, sys

LINE = re.compile(r'^(?P<client>.+?) (?P<ident>\S+) (?P<user>\S+) \[(?P<time>[^\]]+)\] "(?P<req>(?:[^"\\]|\\.)*)" (?P<status>\d{3}) (?P<bytes>\d+|-)(?: "(?P<ref>(?:[^"\\]|\\.)*)" "(?P<ua>(?:[^"\\]|\\.)*)")?\s*$')
BOTS = "bot,crawl,spider,slurp,bingpreview,facebookexternalhit,mediapartners,headlesschrome,curl/,wget/,python-requests,python-urllib,go-http-client,java/,libwww-perl,httpclient,okhttp,scrapy,phantomjs,lighthouse,pingdom,uptimerobot,monitor".split(",")
ASSETS = set("css,js,mjs,map,png,jpg,jpeg,gif,svg,ico,webp,avif,bmp,woff,woff2,ttf,otf,eot,mp4,webm,mp3,ogg,wav".split(","))
GENERIC = {"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "eu", "io", "tv", "ac", "su", "me", "co"}

db = sys.argv[1]
cache = {}

def lookup_path(ip, *path):
    out = subprocess.run(["mmdblookup", "--file", db, "--ip", ip, *path], capture_output=True, text=True).stdout
    m = re.search(r'"([^"]*)" <utf8_string>', out)
    return m.group(1) if m else None


def mmdb(ip):
    if ip not in cache:
        country = lookup_path(ip, "country", "iso_code")
        sub = lookup_path(ip, "subdivisions", "0", "iso_code") if country else None
        cache[ip] = (country, f"{country}-{sub}" if sub else None)
    return cache[ip]


def locate(client):
    try:
        ip = ipaddress.ip_address(client.split("%")[0])
    except ValueError:
        labels = client.lower().rstrip(".").split(".")
        if len(labels) < 2:
            return ("(unknown)", "(unknown)")
        tld = labels[-1]
        if tld == "us" and len(labels) >= 3 and len(labels[-2]) == 2:
            return ("US", "US-" + labels[-2].upper())
        if tld in GENERIC or len(tld) != 2:
            return ("(unknown)", "(unknown)")
        return ("GB" if tld == "uk" else tld.upper(), "(unknown)")
    country, region = mmdb(str(ip))
    if country:
        return (country, region or "(unknown)")
    if ip.is_private or ip.is_loopback or ip.is_link_local:
        if not (isinstance(ip, ipaddress.IPv4Address) and (ip in ipaddress.ip_network("192.0.2.0/24") or ip in ipaddress.ip_network("198.51.100.0/24") or ip in ipaddress.ip_network("203.0.113.0/24"))) and not (isinstance(ip, ipaddress.IPv6Address) and ip in ipaddress.ip_network("2001:db8::/32")):
            return ("(internal)", "(internal)")
    return ("(unknown)", "(unknown)")

def opener(p):
    return gzip.open(p, "rt", encoding="utf-8", errors="replace") if p.endswith(".gz") else open(p, encoding="utf-8", errors="replace")

acc = collections.defaultdict(lambda: {"hits": 0, "pageviews": 0, "bytes": 0, "visitors": set()})
lines = accepted = 0
for path in sys.argv[2:]:
    for raw in opener(path):
        lines += 1
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue
        try:
            t = dt.datetime.strptime(m["time"], "%d/%b/%Y:%H:%M:%S %z")
        except ValueError:
            continue
        status = int(m["status"])
        if not 100 <= status <= 599:
            continue
        parts = m["req"].split(" ")
        if len(parts) not in (2, 3):
            continue
        method, target = parts[0], parts[1]
        client = [c.strip() for c in m["client"].split(",")][-1]
        accepted += 1
        day = t.astimezone(dt.timezone.utc).date().isoformat()
        country, region = locate(client)
        ua = m["ua"] or ""
        bot = any(b in ua.lower() for b in BOTS)
        page = re.split(r"[?#;]", target, 1)[0] or "/"
        ext = page.rsplit("/", 1)[-1].rsplit(".", 1)
        asset = len(ext) == 2 and ext[1].lower() in ASSETS
        pv = (not bot) and method in ("GET", "POST") and (200 <= status < 300 or status == 304) and not asset
        b = 0 if m["bytes"] == "-" else int(m["bytes"])
        for key in [(day, "", ""), (day, country, ""), (day, country, region)]:
            a = acc[key]
            a["hits"] += 1
            a["pageviews"] += pv
            a["bytes"] += b
            if not bot:
                a["visitors"].add((client, ua))

out = {"lines": lines, "matched": accepted, "cells": []}
for (day, country, region), a in sorted(acc.items()):
    out["cells"].append({"date": day, "country": country, "region": region, "visitors": len(a["visitors"]),
                         "pageviews": a["pageviews"], "hits": a["hits"], "bytes": a["bytes"]})
json.dump(out, sys.stdout, indent=1)
