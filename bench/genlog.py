#!/usr/bin/env python3
"""Generates a realistic, deterministic combined-format access log for benchmarks.

The same (lines, seed, lines-per-day) always gives the same bytes, whatever the number of worker
processes: every day is generated from its own seed and the days are concatenated in order.

What is in it (shares are of all lines, roughly):
  * a visitor pool (client + user agent) of lines/25 visitors: the heavy ones come back every day
    (Zipf-like activity), a third of the page traffic comes from one-off visitors;
  * clients: ~70% IPv4 drawn from /8 blocks that the RIRs have allocated and that are mostly assigned,
    ~25% IPv6 from large allocated ISP / cloud blocks (2001:, 2003:, 24xx:, 26xx:, 28xx:, 2a0x:, 2c0f:),
    ~4% reverse-DNS host names (ccTLD and generic), ~0.5% private addresses (monitors, internal users),
    so a real country database finds the great majority of clients;
  * pages drawn Zipf-like from a few thousand paths, query strings on ~15% of them (utm_*, search terms,
    click ids), static assets after a first page view (many 304), ~6% crawler lines (Googlebot,
    bingbot, Ahrefs, GPTBot, curl, python-requests, ...), ~1.5% scanner junk (404s, /wp-login.php),
    GET/HEAD/POST, a status mix of 200/206/301/302/304/403/404/500, "-" bytes, HTTP/1.0/1.1/2.0;
  * ~0.05% damaged lines (TLS handshakes on the HTTP port, truncated lines);
  * time-ordered lines, one server offset (+0100), a diurnal traffic curve, lines-per-day lines a day.
No address is a real person's: they are random draws from large public blocks.

Usage: bench/genlog.py --lines N [--seed S] [--lines-per-day D] [--jobs J] OUT_FILE
"""
import argparse
import bisect
import datetime as dt
import itertools
import math
import multiprocessing
import os
import random
import shutil
import sys
import tempfile

FORMAT_VERSION = 1  # bump when the output for a given (lines, seed, lines-per-day) changes

# ---------------------------------------------------------------------------------------------
# Address space. IPv4: /8s delegated to the five RIRs and densely assigned (no legacy blocks, no
# 100.64/10 CGN, no multicast/reserved). Each entry is (first octet, weight).
IPV4_BLOCKS = (
    # APNIC
    [(o, 1.0) for o in (1, 14, 27, 36, 39, 42, 43, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113,
                        114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 175, 180, 182, 183,
                        202, 203, 210, 211, 218, 219, 220, 221, 222, 223)]
    # RIPE NCC
    + [(o, 1.3) for o in (2, 5, 31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91,
                          92, 93, 94, 95, 109, 176, 178, 185, 188, 193, 194, 195, 212, 213, 217)]
    # ARIN
    + [(o, 1.3) for o in (23, 24, 50, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98,
                          99, 104, 107, 108, 173, 174, 184, 199, 204, 205, 206, 207, 208, 209, 216)]
    # LACNIC
    + [(o, 1.0) for o in (177, 179, 181, 186, 187, 189, 190, 191, 200, 201)]
    # AFRINIC
    + [(o, 1.0) for o in (41, 102, 105, 154, 196, 197)]
)
# IPv6: (fixed leading hextets, random bits in the next hextet, weight). All are large allocations to
# access ISPs, mobile carriers and clouds.
IPV6_BLOCKS = [
    ("2003", 13, 3.0),        # Deutsche Telekom 2003::/19
    ("2a02:8100", 6, 1.0),    # Vodafone DE
    ("2a01:e0a", 0, 1.5),     # Free FR
    ("2a01:cb00", 8, 1.5),    # Orange FR
    ("2a02:c7c", 0, 1.0),     # Sky UK
    ("2a00:23c0", 4, 1.0),    # BT UK
    ("2001:1c00", 8, 1.0),    # Ziggo NL
    ("2a02:2f00", 8, 0.5),    # RCS&RDS RO
    ("2601", 12, 4.0),        # Comcast 2601::/20
    ("2600:1700", 8, 2.0),    # AT&T
    ("2001:4860", 0, 0.3),    # Google
    ("240e", 12, 3.0),        # China Telecom 240e::/20
    ("2409:8a00", 8, 2.0),    # China Mobile
    ("2405:201", 0, 2.0),     # Reliance Jio IN
    ("2401:4900", 8, 1.0),    # Bharti Airtel IN
    ("2400:4050", 4, 1.0),    # NTT JP
    ("2001:b000", 8, 0.7),    # HiNet TW
    ("2001:ee0", 0, 0.7),     # VNPT VN
    ("2402:800", 0, 0.7),     # Viettel VN
    ("2804:14c", 0, 1.5),     # BR
    ("2806:2f0", 0, 1.0),     # Telmex MX
    ("2c0f:fb50", 0, 0.3),    # Safaricom KE
    ("2c0f:f000", 8, 0.3),    # AFRINIC region
]
# Reverse-DNS host names: (template, weight). {a}..{d} are octets, {x} a hex word.
HOST_TEMPLATES = [
    ("p{x}.dip0.t-ipconnect.de", 3.0),
    ("ip-{a}-{b}-{c}-{d}.hsi.kabel-badenwuerttemberg.de", 0.5),
    ("cpc{c}-lond{a}-2-0-cust{d}.know.cable.virginm.net", 1.0),   # .net: generic TLD
    ("host{d}-{c}-{b}-{a}.range86-{d}.btcentralplus.com", 1.0),     # .com: generic TLD
    ("lfbn-ncy-1-{c}-{d}.w{a}-{b}.abo.wanadoo.fr", 1.5),
    ("{a}-{b}-{c}-{d}.rev.sfr.net", 0.5),
    ("host{d}-{c}-static.{b}-{a}-b.business.telecomitalia.it", 0.7),
    ("{d}.{c}.{b}.{a}.dynamic.ip.ono.com", 0.3),
    ("c-{a}-{b}-{c}-{d}.hsd1.ca.comcast.net", 2.0),
    ("bb{a}-{b}-{c}-{d}.singnet.com.sg", 0.5),
    ("softbank{a}{b}{c}{d}.bbtec.net", 0.5),
    ("{d}.{c}.{b}.{a}.static.ziggozakelijk.nl", 0.5),
    ("dsl-{a}-{b}-{c}-{d}.users.telenor.se", 0.3),
    ("{a}.{b}.{c}.{d}.ip.zen.co.uk", 0.5),
    ("cust-{a}-{b}-{c}-{d}.dyn.bigpond.net.au", 0.7),
    ("{a}-{b}-{c}-{d}.user.vivozap.com.br", 0.7),
    ("ppp-{a}-{b}-{c}-{d}.revip.asianet.co.th", 0.3),
]

BROWSER_UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36 Edg/{v}.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{f}.0) Gecko/20100101 Firefox/{f}.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{s}.{m} Safari/605.1.15",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.{m}; rv:{f}.0) Gecko/20100101 Firefox/{f}.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:{f}.0) Gecko/20100101 Firefox/{f}.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS {s}_{m} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{s}.{m} Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS {s}_{m} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{s}.{m} Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 1{m}; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 1{m}; SM-S91{m}B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/2{m}.0 Chrome/{v}.0.0.0 Mobile Safari/537.36",
]
BROWSER_WEIGHTS = [20, 5, 5, 8, 6, 1, 3, 1, 20, 3, 20, 5]
BOTS = [  # (user agent, weight, source kind: a fixed IPv4 /16 the crawler comes from, or None = anywhere)
    ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 5, "66.249"),
    ("Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 4, "66.249"),
    ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", 3, "157.55"),
    ("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", 3, "54.36"),
    ("Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", 2, "185.191"),
    ("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", 1, "213.180"),
    ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", 2, "20.171"),
    ("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", 1, "116.179"),
    ("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", 1, "173.252"),
    ("curl/8.5.0", 1, None),
    ("python-requests/2.31.0", 1, None),
    ("Go-http-client/1.1", 1, None),
]
SCANNER_TARGETS = ["/wp-login.php", "/.env", "/wp-admin/setup-config.php", "/.git/config", "/xmlrpc.php",
                   "/phpmyadmin/index.php", "/admin/config.php", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
                   "/cgi-bin/luci/;stok=/locale", "/boaform/admin/formLogin", "/actuator/env", "/.aws/credentials"]
WORDS = ("widget gadget pricing install guide release notes api reference tutorial cloud edge cache server "
         "logs privacy country region map stats report weekly monthly launch update security performance "
         "spark java python rust docker kubernetes backup restore migrate team careers contact support").split()
REFERRERS = ["https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/", "https://t.co/abc",
             "https://news.ycombinator.com/", "https://www.reddit.com/", "https://www.facebook.com/",
             "android-app://com.google.android.gm/"]
OFFSET = "+0100"
SITE = "https://www.example.com"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FIRST_DAY = dt.date(2026, 1, 5)


def cumulative(weights):
    return list(itertools.accumulate(weights))


def zipf_cum(n, s):
    return cumulative(1.0 / (i + 1) ** s for i in range(n))


class World:
    """Everything shared by all days: pages, assets, visitor pool. Built from the seed only."""

    def __init__(self, lines, seed):
        rnd = random.Random(f"world-{seed}")
        self.pages = self._pages(rnd)
        rnd.shuffle(self.pages)
        self.pages.insert(0, "/")
        self.page_cum = zipf_cum(len(self.pages), 1.05)
        self.crawl_cum = zipf_cum(len(self.pages), 0.3)  # crawlers go deep into the long tail
        self.assets_core = ["/static/css/main.4f9c2a.css", "/static/js/app.8d1e7b.js", "/static/js/vendor.1a2b3c.js",
                            "/fonts/inter-var.woff2", "/favicon.ico"]
        self.images = [f"/img/{w}-{i}.{ext}" for i, (w, ext) in
                       enumerate((rnd.choice(WORDS), rnd.choice(("png", "jpg", "webp", "svg"))) for _ in range(300))]
        v4_cum = cumulative(w for _, w in IPV4_BLOCKS)
        v6_cum = cumulative(w for _, _, w in IPV6_BLOCKS)
        host_cum = cumulative(w for _, w in HOST_TEMPLATES)
        ua_cum = cumulative(BROWSER_WEIGHTS)
        n = max(2000, lines // 25)
        clients, uas = [], []
        for _ in range(n):
            r = rnd.random()
            if r < 0.70:
                c = self._v4(rnd, IPV4_BLOCKS[bisect.bisect(v4_cum, rnd.random() * v4_cum[-1])][0])
            elif r < 0.955:
                c = self._v6(rnd, IPV6_BLOCKS[bisect.bisect(v6_cum, rnd.random() * v6_cum[-1])])
            elif r < 0.995:
                t = HOST_TEMPLATES[bisect.bisect(host_cum, rnd.random() * host_cum[-1])][0]
                c = t.format(a=rnd.randrange(1, 255), b=rnd.randrange(256), c=rnd.randrange(256), d=rnd.randrange(1, 255),
                             x=f"{rnd.getrandbits(32):08X}")
            else:
                c = rnd.choice((f"10.{rnd.randrange(256)}.{rnd.randrange(256)}.{rnd.randrange(1, 255)}",
                                f"192.168.{rnd.randrange(256)}.{rnd.randrange(1, 255)}"))
            ua = BROWSER_UAS[bisect.bisect(ua_cum, rnd.random() * ua_cum[-1])].format(
                v=rnd.randrange(120, 132), f=rnd.randrange(120, 134), s=rnd.randrange(16, 19), m=rnd.randrange(0, 6))
            clients.append(c)
            uas.append(ua)
        # Households: 8% of visitors share their client with the previous one (other device, same NAT).
        for i in range(1, n):
            if rnd.random() < 0.08:
                clients[i] = clients[i - 1]
        self.clients, self.uas = clients, uas
        self.visitor_cum = zipf_cum(n, 0.9)
        self.bot_cum = cumulative(w for _, w, _ in BOTS)

    @staticmethod
    def _v4(rnd, first):
        return f"{first}.{rnd.randrange(256)}.{rnd.randrange(256)}.{rnd.randrange(1, 255)}"

    @staticmethod
    def _v6(rnd, block):
        fixed, bits, _ = block
        parts = fixed.split(":")
        if bits:
            parts.append(f"{rnd.getrandbits(bits):x}")
        while len(parts) < 4:
            parts.append(f"{rnd.getrandbits(16):x}")
        # Interface id: mostly privacy addresses (random 64 bits), some ::1-style.
        if rnd.random() < 0.8:
            parts += [f"{rnd.getrandbits(16):x}" for _ in range(4)]
            return ":".join(parts)
        return ":".join(parts) + f"::{rnd.getrandbits(8):x}"

    @staticmethod
    def _pages(rnd):
        pages = ["/about", "/pricing", "/contact", "/careers", "/login", "/signup", "/search", "/blog/", "/docs/",
                 "/products/", "/index.html", "/privacy", "/terms"]
        for year in (2023, 2024, 2025, 2026):
            for month in range(1, 13):
                for _ in range(rnd.randrange(3, 12)):
                    slug = "-".join(rnd.sample(WORDS, rnd.randrange(2, 6)))
                    pages.append(f"/blog/{year}/{month:02d}/{slug}")
        for cat in rnd.sample(WORDS, 12):
            pages.append(f"/products/{cat}/")
            for i in range(rnd.randrange(20, 80)):
                pages.append(f"/products/{cat}/{rnd.choice(WORDS)}-{i}")
        for ver in ("v1", "v2", "v3"):
            for sec in rnd.sample(WORDS, 10):
                for topic in rnd.sample(WORDS, rnd.randrange(5, 25)):
                    pages.append(f"/docs/{ver}/{sec}/{topic}.html")
        return pages


def minute_counts(rnd, lines):
    """Lines per minute of a day along a diurnal curve (low at 04:00, high at 15:00), summing to lines."""
    w = [0.25 + 0.75 * (0.5 - 0.5 * math.cos(2 * math.pi * ((m / 1440.0) - 4 / 24.0))) * (0.9 + 0.2 * rnd.random())
         for m in range(1440)]
    total = sum(w)
    counts = [int(lines * x / total) for x in w]
    for i in range(lines - sum(counts)):
        counts[(i * 7919) % 1440] += 1
    return counts


def query_string(rnd):
    r = rnd.random()
    if r < 0.35:
        return f"?utm_source={rnd.choice(('newsletter', 'twitter', 'linkedin', 'google'))}&utm_medium={rnd.choice(('email', 'social', 'cpc'))}&utm_campaign=q{rnd.randrange(1, 5)}"
    if r < 0.55:
        return f"?q={rnd.choice(WORDS)}+{rnd.choice(WORDS)}"
    if r < 0.75:
        return f"?page={rnd.randrange(2, 40)}"
    if r < 0.9:
        return f"?fbclid=IwAR{rnd.getrandbits(96):024x}"
    return f"?session={rnd.getrandbits(64):016x}&email=user{rnd.randrange(10**6)}%40example.org"


def day_text(world, seed, day, lines):
    """The lines of one day as one string (time-ordered)."""
    rnd = random.Random(f"day-{seed}-{day}")
    date = FIRST_DAY + dt.timedelta(days=day)
    date_part = f"{date.day:02d}/{MONTHS[date.month - 1]}/{date.year}"
    pages, page_cum, crawl_cum = world.pages, world.page_cum, world.crawl_cum
    clients, uas, visitor_cum = world.clients, world.uas, world.visitor_cum
    n_visitors = len(clients)
    images, core = world.images, world.assets_core
    rr, rrange, choice = rnd.random, rnd.randrange, rnd.choice
    vtop = visitor_cum[-1]
    ptop = page_cum[-1]
    ctop = crawl_cum[-1]
    btop = world.bot_cum[-1]
    bsect = bisect.bisect
    out = []
    for minute, count in enumerate(minute_counts(rnd, lines)):
        stamp = f"{date_part}:{minute // 60:02d}:{minute % 60:02d}:"
        events = []  # (second, text after the time stamp, client) -- bursts share a second
        n = 0
        while n < count:
            sec = rrange(60)
            r = rr()
            if r < 0.78:  # a human page view, maybe with its assets
                v = rrange(n_visitors) if rr() < 0.33 else bsect(visitor_cum, rr() * vtop)
                client, ua = clients[v], uas[v]
                page = pages[bsect(page_cum, rr() * ptop)]
                target = page + query_string(rnd) if rr() < 0.15 else page
                s = rr()
                status = 200 if s < 0.87 else 304 if s < 0.91 else 301 if s < 0.93 else 302 if s < 0.94 else 404 if s < 0.985 else 500 if s < 0.99 else 403
                method = "GET" if s < 0.97 else ("POST" if rr() < 0.7 else "HEAD")
                size = "-" if status in (304, 301, 302) and rr() < 0.5 else str(rrange(3000, 90000) if status == 200 else rrange(150, 900))
                proto = "HTTP/2.0" if rr() < 0.4 else "HTTP/1.1" if rr() < 0.97 else "HTTP/1.0"
                q = rr()
                ref = "-" if q < 0.45 else SITE + pages[bsect(page_cum, rr() * ptop)] if q < 0.75 else choice(REFERRERS)
                events.append((sec, f'"{method} {target} {proto}" {status} {size} "{ref}" "{ua}"', client))
                n += 1
                if status == 200 and rr() < 0.3:  # first load: the assets follow in the same second
                    referer = SITE + page
                    wanted = core[:rrange(2, 6)] + [images[rrange(len(images))] for _ in range(rrange(0, 4))]
                    for a in wanted:
                        if n >= count:
                            break
                        cached = rr() < 0.3
                        st = 304 if cached else 200 if rr() < 0.98 else 404 if rr() < 0.8 else 206
                        events.append((sec, f'"GET {a} {proto}" {st} {"-" if cached else rrange(300, 400000)} "{referer}" "{ua}"', client))
                        n += 1
            elif r < 0.86:  # a returning visitor's cached assets only (304s)
                v = bsect(visitor_cum, rr() * vtop)
                a = core[rrange(len(core))]
                events.append((sec, f'"GET {a} HTTP/2.0" 304 - "{SITE}/" "{uas[v]}"', clients[v]))
                n += 1
            elif r < 0.98:  # crawlers
                bua, _, net = BOTS[bsect(world.bot_cum, rr() * btop)]
                client = f"{net}.{rrange(256)}.{rrange(1, 255)}" if net else f"{choice((34, 35, 52, 138, 159, 167))}.{rrange(256)}.{rrange(256)}.{rrange(1, 255)}"
                t = rr()
                target = "/robots.txt" if t < 0.05 else "/sitemap.xml" if t < 0.08 else pages[bsect(crawl_cum, rr() * ctop)]
                status = 200 if rr() < 0.93 else 404 if rr() < 0.7 else 301
                events.append((sec, f'"GET {target} HTTP/1.1" {status} {rrange(200, 90000)} "-" "{bua}"', client))
                n += 1
            elif r < 0.9995:  # scanners: 404s from random addresses
                client = f"{IPV4_BLOCKS[rrange(len(IPV4_BLOCKS))][0]}.{rrange(256)}.{rrange(256)}.{rrange(1, 255)}"
                events.append((sec, f'"{choice(("GET", "GET", "POST"))} {choice(SCANNER_TARGETS)} HTTP/1.1" 404 {rrange(150, 600)} "-" "{choice(("Mozilla/5.0 zgrab/0.x", "-", uas[rrange(n_visitors)]))}"', client))
                n += 1
            else:  # damaged lines: a TLS handshake on the HTTP port, or a line cut short
                client = f"{IPV4_BLOCKS[rrange(len(IPV4_BLOCKS))][0]}.{rrange(256)}.{rrange(256)}.{rrange(1, 255)}"
                if rr() < 0.7:
                    events.append((sec, '"\\x16\\x03\\x01\\x00\\xca\\x01\\x00\\x00\\xc6\\x03\\x03" 400 226 "-" "-"', client))
                else:
                    events.append((sec, None, client))
                n += 1
        events.sort(key=lambda e: e[0])
        for sec, rest, client in events:
            if rest is None:
                out.append(f'{client} - - [{stamp}{sec:02d} {OFFSET}] "GET /blog/2025/0')
            else:
                out.append(f'{client} - - [{stamp}{sec:02d} {OFFSET}] {rest}')
    out.append("")
    return "\n".join(out)


_WORLD = None


def _init_worker(lines, seed):
    global _WORLD
    if _WORLD is None:
        _WORLD = World(lines, seed)


def _write_day(args):
    lines_total, seed, day, day_lines, path = args
    _init_worker(lines_total, seed)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(day_text(_WORLD, seed, day, day_lines))
    return day


def day_plan(lines, per_day):
    days = max(1, math.ceil(lines / per_day))
    base, extra = divmod(lines, days)
    return [base + (1 if d < extra else 0) for d in range(days)]


def parse_count(text):
    t = text.strip().lower().replace("_", "")
    mult = 1
    if t.endswith("m"):
        mult, t = 1_000_000, t[:-1]
    elif t.endswith("k"):
        mult, t = 1_000, t[:-1]
    return int(float(t) * mult)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lines", required=True, type=parse_count, help="number of lines, e.g. 1000000 or 10M")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--lines-per-day", type=parse_count, default=2_000_000)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (output is the same for any value)")
    p.add_argument("out")
    a = p.parse_args(argv)
    plan = day_plan(a.lines, a.lines_per_day)
    global _WORLD
    _WORLD = World(a.lines, a.seed)  # built once; forked workers inherit it
    tmp = tempfile.mkdtemp(prefix=".genlog-", dir=os.path.dirname(os.path.abspath(a.out)))
    try:
        tasks = [(a.lines, a.seed, d, n, os.path.join(tmp, f"day-{d:04d}.log")) for d, n in enumerate(plan)]
        if a.jobs > 1 and len(tasks) > 1:
            with multiprocessing.get_context("fork").Pool(a.jobs) as pool:
                for d in pool.imap_unordered(_write_day, tasks):
                    print(f"bench-genlog: day {d + 1}/{len(plan)} done", file=sys.stderr)
        else:
            for t in tasks:
                _write_day(t)
        part = a.out + ".part"
        with open(part, "wb") as out:
            for t in tasks:
                with open(t[4], "rb") as f:
                    shutil.copyfileobj(f, out, 16 << 20)
        os.replace(part, a.out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"bench-genlog: {a.out}: {a.lines:,} lines over {len(plan)} day(s), {os.path.getsize(a.out):,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
