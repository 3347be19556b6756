#!/usr/bin/env python3
"""Generates sample-logs/: a small, deterministic combined-format log set for the demo run and the
end-to-end test. Every client is in a documentation range (RFC 5737 / RFC 3849), a private range, or a
made-up host name, so the sample holds no real person's address.

It exercises: IPv4, IPv6 and host-name clients (ccTLD, US state domain, generic TLD), private and
loopback addresses, proxies lists in the client field, two days plus events whose offset moves them
across midnight UTC, a request line without protocol, "-" bytes, query strings carrying fake secrets,
static assets, errors, HEAD requests, bots, a gzip-compressed file, blank lines and bad lines.

Usage: scripts/generate-sample-logs.py [OUT_DIR]   (default: sample-logs)
"""
import datetime as dt
import gzip
import os
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "sample-logs"
rnd = random.Random(20261125)

BROWSERS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
]
BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

# (client, how many visitors behind it with different user agents)
def v4(prefix, first, n):
    return [f"{prefix}.{first + i}" for i in range(n)]

CLIENTS = (
    v4("192.0.2", 1, 30)          # GB-ENG London
    + v4("192.0.2", 65, 16)       # GB-SCT
    + v4("192.0.2", 130, 18)      # DE-BY
    + v4("198.51.100", 10, 20)    # US-NY
    + v4("198.51.100", 130, 14)   # US-CA
    + v4("203.0.113", 5, 3)       # FR-IDF
    + ["203.0.113.130"]           # SE-AB
    + v4("203.0.113", 200, 2)     # JP
    + [f"2001:db8:1::{i:x}" for i in range(16, 30)]   # DE-BE (IPv6)
    + ["2001:db8:2::5", "2001:db8:2::6"]              # US-WA (IPv6)
    + ["2001:db8:3::7"]                               # BR-SP (IPv6)
    + ["2001:db8:ffff::1"]                            # documentation range the demo DB lacks -> unknown
    + ["dialup-17.pool.example.de", "ws3.cs.example.ac.uk", "proxy.lib.ny.us",
       "pc-12.example.com", "cache1.isp.example.fr"]  # host names
    + ["10.1.2.3", "192.168.0.5", "127.0.0.1"]        # internal
    + ["10.0.0.2, 10.0.0.1, 198.51.100.99"]           # a proxy list: the right-most is the client (US-NY)
)

PAGES = ["/", "/index.html", "/products/", "/products/widget", "/products/gadget", "/about", "/blog/2026/11/launch",
         "/pricing"]
ASSETS = ["/css/site.css", "/js/app.js", "/img/logo.png", "/favicon.ico"]
OFFSETS = ["+0000", "+0100", "-0500", "+0530"]


def stamp(t, offset):
    sign = 1 if offset[0] == "+" else -1
    delta = dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])) * sign
    local = t + delta
    return local.strftime("%d/%b/%Y:%H:%M:%S ") + offset


def line(client, t, offset, method, target, proto, status, size, ua, referer="-"):
    request = f"{method} {target} {proto}" if proto else f"{method} {target}"
    return f'{client} - - [{stamp(t, offset)}] "{request}" {status} {size} "{referer}" "{ua}"'


def day_lines(day, visitors):
    out = []
    base = dt.datetime(day.year, day.month, day.day, 0, 30)
    for client, ua in visitors:
        t = base + dt.timedelta(minutes=rnd.randrange(0, 22 * 60))
        offset = rnd.choice(OFFSETS)
        for _ in range(rnd.randint(1, 4)):
            page = rnd.choice(PAGES)
            target = page
            if rnd.random() < 0.2:
                target = page + "?email=someone%40example.org&token=s3cr3t-" + str(rnd.randrange(1000, 9999))
            out.append(line(client, t, offset, "GET", target, "HTTP/1.1", 200, rnd.randrange(800, 40000), ua))
            for asset in rnd.sample(ASSETS, rnd.randint(0, 2)):
                out.append(line(client, t, offset, "GET", asset, "HTTP/1.1", rnd.choice([200, 304]),
                                rnd.choice(["-", str(rnd.randrange(100, 9000))]), ua, "http://www.example.net" + page))
            t += dt.timedelta(seconds=rnd.randrange(5, 300))
        if rnd.random() < 0.25:
            out.append(line(client, t, offset, "GET", "/missing-page", "HTTP/1.1", 404, 512, ua))
        if rnd.random() < 0.15:
            out.append(line(client, t, offset, "HEAD", "/", "HTTP/1.1", 200, "-", ua))
        if rnd.random() < 0.1:
            out.append(line(client, t, offset, "POST", "/contact", "HTTP/1.1", 200, 321, ua))
    # a NASA-style request without protocol and with "-" bytes
    out.append(line("192.0.2.3", base + dt.timedelta(hours=5), "+0000", "GET", "/ksc.html", None, 200, "-", BROWSERS[0]))
    # crawler traffic: hits, never visitors or page views
    for i in range(6):
        out.append(line("198.51.100.200", base + dt.timedelta(hours=i), "+0000", "GET", rnd.choice(PAGES), "HTTP/1.1", 200, 4000, BOT_UA))
    # late events that belong to the next UTC day although the local clock still says today
    out.append(line("192.0.2.140", base + dt.timedelta(hours=23, minutes=40), "-0500", "GET", "/pricing", "HTTP/1.1", 200, 1234, BROWSERS[1]))
    return out


def visitors_for_day():
    vs = []
    for client in CLIENTS:
        for ua in rnd.sample(BROWSERS, 1 if rnd.random() < 0.8 else 2):
            if rnd.random() < 0.85:
                vs.append((client, ua))
    return vs


BAD = [
    "",
    "   ",
    "this is not a log line at all",
    '192.0.2.9 - - [32/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 100 "-" "x"',
    '192.0.2.9 - - [23/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 100 "-" "unterminated',
    '192.0.2.9 - - [23/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 999 100 "-" "x"',
    '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03',
]

os.makedirs(OUT, exist_ok=True)
day1 = day_lines(dt.date(2026, 11, 23), visitors_for_day())
day2 = day_lines(dt.date(2026, 11, 24), visitors_for_day())
day1.sort(key=lambda l: l.split("[", 1)[1][:20])
day2.sort(key=lambda l: l.split("[", 1)[1][:20])
day1[len(day1) // 3:len(day1) // 3] = BAD[:4]
day2[len(day2) // 2:len(day2) // 2] = BAD[4:]
with open(os.path.join(OUT, "access.log.2026-11-23"), "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(day1) + "\n")
with gzip.GzipFile(os.path.join(OUT, "access.log.2026-11-24.gz"), "wb", mtime=0) as f:
    f.write(("\n".join(day2) + "\n").encode("utf-8", "surrogateescape"))
print(f"{OUT}: {len(day1)} + {len(day2)} lines", file=sys.stderr)
