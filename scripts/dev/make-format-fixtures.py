#!/usr/bin/env python3
"""Writes the per-format fixtures of src/test/resources/fixtures/formats/ and prints what each must give.

Every line is written here to its vendor's documented layout (the URLs are in that folder's README.md); none is
copied from a real log. Ordinary lines cycle through clients in the documentation ranges that the job tests' City
database places (formats/JobHarness.database: 192.0.2.0/24 GB, 198.51.100.0/24 DE, 203.0.113.0/24 US,
2001:db8::/48 FR, 2001:db8:85a3::/48 JP), a private address ((internal)), an address of 2001:db8::/32 outside those
((unknown)) and, where the format can carry one, host names located by suffix. Each format then gets its awkward
lines: quoting, escapes, header lines, IPv6, "-", ports, prefixes, and its garbage request lines (TLS bytes, "-",
"- - -"), each written together with the outcome it must have. The script prints, per fixture, the counts that
PresetFixturesJobTest asserts: lines read, accepted, rejected and filtered by reason, and hits per country.

Deterministic: no randomness, fixed times (2026-11-23, UTC). Usage: scripts/dev/make-format-fixtures.py [DIR]
"""
import collections
import datetime as dt
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/formats"
DAY = dt.datetime(2026, 11, 23, 8, 0, 0, tzinfo=dt.timezone.utc)
ORDINARY = 250

# (client as written by most formats, country the job must find)
CLIENTS = [
    ("192.0.2.10", "GB"), ("198.51.100.23", "DE"), ("203.0.113.99", "US"), ("2001:db8::1", "FR"),
    ("2001:db8:85a3::8a2e:370:7334", "JP"), ("192.0.2.77", "GB"), ("198.51.100.200", "DE"), ("203.0.113.7", "US"),
    ("10.1.2.3", "(internal)"), ("2001:db8:ffff::9", "(unknown)"),
]
HOSTS = [("ppp3_186.example.or.jp", "JP"), ("dial_in-2.example.gov.au", "AU"), ("HOST.Example.DE.", "DE")]
AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "curl/8.5.0",
]
PATHS = ["/", "/index.html", "/blog/2026/11/geo-stats", "/css/site.css", "/search?q=spark&page=2", "/api/v1/items"]
REFERERS = ["-", "https://www.example.org/", "https://search.example.com/?q=geo"]
STATUS = [200, 200, 200, 304, 404, 301]
SITES = ["www.example.org", "static.example.org"]


class Fixture:
    def __init__(self, name, filename, encoding="utf-8", newline="\n", bom=False):
        self.name = name
        self.filename = filename
        self.newline = newline
        self.bom = bom
        self.lines = []
        self.read = 0
        self.accepted = 0
        self.rejected = collections.Counter()
        self.filtered = collections.Counter()
        self.hits = collections.Counter()

    def add(self, text, outcome, country=None):
        """outcome: 'accepted' (then country), 'rejected:<reason>' or 'filtered:<reason>'."""
        assert "\n" not in text and "\r" not in text, text
        self.lines.append(text)
        self.read += 1
        if outcome == "accepted":
            assert country, text
            self.accepted += 1
            self.hits[country] += 1
        elif outcome.startswith("rejected:"):
            self.rejected[outcome[9:]] += 1
        elif outcome.startswith("filtered:"):
            self.filtered[outcome[9:]] += 1
        else:
            raise ValueError(outcome)

    def write(self):
        d = os.path.join(OUT, self.name)
        os.makedirs(d, exist_ok=True)
        data = self.newline.join(self.lines) + self.newline
        raw = data.encode("utf-8")
        if self.bom:
            raw = b"\xef\xbb\xbf" + raw
        with open(os.path.join(d, self.filename), "wb") as f:
            f.write(raw)

    def report(self):
        rej = ", ".join(f'"{k}", {v}L' for k, v in sorted(self.rejected.items()))
        fil = ", ".join(f'"{k}", {v}L' for k, v in sorted(self.filtered.items()))
        hits = ", ".join(f'"{k}", {v}L' for k, v in sorted(self.hits.items()))
        other = sum(v for k, v in self.rejected.items() if k != "bad-request")
        print(f'{self.name}: read={self.read} accepted={self.accepted} rejected=Map.of({rej}) '
              f'filtered=Map.of({fil}) hits=Map.of({hits}) other-rejects={other / self.read:.4%}')


def times(n, step=7):
    for i in range(n):
        yield DAY + dt.timedelta(seconds=i * step, microseconds=(i * 123457) % 1000000)


def clf(t, offset_hours=0):
    local = t + dt.timedelta(hours=offset_hours)
    sign = "+" if offset_hours >= 0 else "-"
    return local.strftime("%d/%b/%Y:%H:%M:%S ") + f"{sign}{abs(offset_hours):02d}00"


def iso(t, digits=6):
    frac = f"{t.microsecond:06d}"[:digits]
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (("." + frac) if digits else "") + "Z"


def ordinary(i):
    client, country = CLIENTS[i % len(CLIENTS)]
    return dict(client=client, country=country, agent=AGENTS[i % len(AGENTS)], path=PATHS[i % len(PATHS)],
                ref=REFERERS[i % len(REFERERS)], status=STATUS[i % len(STATUS)], bytes=1000 + 37 * i,
                site=SITES[i % len(SITES)], method="POST" if i % 9 == 4 else "GET")


def v6_bracket(client):
    return f"[{client}]" if ":" in client else client


FIXTURES = []


def fixture(*args, **kw):
    f = Fixture(*args, **kw)
    FIXTURES.append(f)
    return f


# --- Apache / nginx family ---------------------------------------------------------------------------------------

def apache_combined(name, vhost=False, common=False, trailing=None, absolute=False, xff=False):
    f = fixture(name, "access.log")
    for i, t in enumerate(times(ORDINARY)):
        o = ordinary(i)
        client = o["client"]
        if i % 25 == 3 and not xff:
            client, o["country"] = HOSTS[(i // 25) % len(HOSTS)]
        user = "frank" if i % 11 == 0 else "-"
        target = ("http://" + o["site"] + o["path"]) if absolute else o["path"]
        line = ""
        if vhost:
            line += o["site"] + (":443 " if i % 3 else " ")
        peer = client
        if xff:
            peer = "10.0.0.%d" % (1 + i % 3)  # our load balancers, trusted in the test
        line += f'{peer} - {user} [{clf(t, [0, 1, -7][i % 3])}] "{o["method"]} {target} HTTP/1.1" {o["status"]} '
        line += "-" if i % 13 == 0 else str(o["bytes"])
        if not common:
            agent = o["agent"] if i % 17 else 'Mozilla/5.0 (\\"quoted\\" agent)'
            line += f' "{o["ref"]}" "{agent}"'
        if xff:
            line += f' "{client}, 10.0.0.9"' if i % 4 else f' "{client}"'
        if trailing:
            line += trailing(i)
        f.add(line, "accepted", o["country"])
    return f


def garbage_text(f, prefix_client="192.0.2.10", common=False, vhost=False):
    """TLS bytes sent to an HTTP port and nginx's "-" request: bad requests."""
    lead = "www.example.org:443 " if vhost else ""
    tail = "" if common else ' "-" "-"'
    f.add(f'{lead}{prefix_client} - - [23/Nov/2026:09:00:00 +0000] "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03" 400 157{tail}',
          "rejected:bad-request")
    f.add(f'{lead}{prefix_client} - - [23/Nov/2026:09:00:01 +0000] "-" 400 0{tail}', "rejected:bad-request")


f = apache_combined("combined", trailing=lambda i: " 1234" if i % 20 == 5 else (" 512 2481" if i % 20 == 6 else ""))
f.add('2001:db8::1 - - [23/Nov/2026:09:01:00 +0000] "GET /caf%C3%A9 HTTP/1.1" 200 12 "-" "Mözilla/5.0 (ünïcode)"',
      "accepted", "FR")
f.add('dial_in-2.example.gov.au - - [23/Nov/2026:09:01:01 +0000] "GET / HTTP/1.0" 200 12 "-" "Lynx/2.8"', "accepted", "AU")
garbage_text(f)

f = apache_combined("common", common=True)
f.add('ppp3_186.example.or.jp - - [23/Nov/2026:09:01:00 +0000] "GET /ksc.html" 200 7074', "accepted", "JP")
garbage_text(f, common=True)

f = apache_combined("vcombined", vhost=True)
garbage_text(f, vhost=True)

f = apache_combined("vcommon", vhost=True, common=True)
garbage_text(f, vhost=True, common=True)

f = apache_combined("nginx")
f.add('198.51.100.23 - - [23/Nov/2026:09:01:00 +0000] "GET /x HTTP/2.0" 499 0 "-" "-"', "accepted", "DE")
f.add('192.0.2.10 - - [23/Nov/2026:09:01:01 +0000] "" 400 0 "-" "-"', "rejected:bad-request")
garbage_text(f)

f = apache_combined("nginx_xff", xff=True)
f.add('10.0.0.1 - - [23/Nov/2026:09:01:00 +0000] "GET / HTTP/1.1" 200 5 "-" "UA" "-"', "accepted", "(internal)")
garbage_text(f, prefix_client="10.0.0.1")
f.lines[-1] += ' "-"'
f.lines[-2] += ' "-"'

f = apache_combined("traefikclf", trailing=lambda i: f' {100 + i} "web-router@docker" "http://172.19.0.3:5601" {i % 40}ms')
f.add('192.0.2.10 - - [23/Nov/2026:09:01:00 +0000] "GET /ui/ HTTP/1.1" 200 5 "-" "UA" 7 "Host-host1 "http://172.19.0.3:5601" 3ms',
      "accepted", "GB")  # a router name without its closing quote
garbage_text(f)
f.lines[-1] += ' 9 "-" "-" 0ms'

f = apache_combined("varnishncsa", absolute=True)
garbage_text(f)

# --- W3C: IIS with BOM, CRLF and a header change mid-file; CloudFront with tabs -----------------------------------
f = fixture("w3c", "u_ex261123.log", newline="\r\n", bom=True)
f.add("#Software: Microsoft Internet Information Services 10.0", "filtered:directive")
f.add("#Version: 1.0", "filtered:directive")
f.add("#Date: 2026-11-23 08:00:00", "filtered:directive")
f.add("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer)"
      " sc-status sc-substatus sc-win32-status time-taken", "filtered:directive")
for i, t in enumerate(times(ORDINARY // 2)):
    o = ordinary(i)
    stem, _, query = o["path"].partition("?")
    f.add(f'{t.strftime("%Y-%m-%d %H:%M:%S")} 10.0.0.5 {o["method"]} {stem} {query or "-"} 443 - {o["client"]}'
          f' {o["agent"].replace(" ", "+")} {o["ref"]} {o["status"]} 0 0 {15 + i % 30}', "accepted", o["country"])
f.add("#Software: Microsoft Internet Information Services 10.0", "filtered:directive")
f.add("#Version: 1.0", "filtered:directive")
f.add("#Date: 2026-11-23 08:30:00", "filtered:directive")
f.add("#Fields: date time s-sitename cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version"
      " cs(User-Agent) cs-host sc-status sc-bytes time-taken", "filtered:directive")
for i, t in enumerate(times(ORDINARY // 2)):
    o = ordinary(i + 3)
    client = o["client"]
    if i % 30 == 7:
        client = "::1%0"
        o["country"] = "(internal)"
    stem, _, query = o["path"].partition("?")
    t = t + dt.timedelta(minutes=30)
    f.add(f'{t.strftime("%Y-%m-%d %H:%M:%S")} W3SVC1 {o["method"]} {stem} {query or "-"} 443 - {client} HTTP/1.1'
          f' {o["agent"].replace(" ", "+")} {o["site"]}:443 {o["status"]} {o["bytes"]} {15 + i % 30}', "accepted",
          o["country"])

CF_FIELDS = ("date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer)"
             " cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol"
             " cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type"
             " cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte"
             " x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end")
f = fixture("cloudfront", "E2EXAMPLE.2026-11-23-08.a1b2c3d4")
f.add("#Version: 1.0", "filtered:directive")
f.add("#Fields: " + CF_FIELDS, "filtered:directive")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    stem, _, query = o["path"].partition("?")
    agent = o["agent"].replace(" ", "%20").replace("(", "%28").replace(")", "%29") if i % 2 else o["agent"].replace(" ", "%20")
    row = [t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"), "FRA56-P1", str(o["bytes"]), o["client"], o["method"],
           "d111111abcdef8.cloudfront.net", stem, str(o["status"]), o["ref"], agent, query or "-", "-",
           "Hit" if i % 3 else "Miss", "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==", o["site"], "https",
           "123", "0.001", "-" if i % 7 else "203.0.113.50", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Hit", "HTTP/2.0",
           "-", "-", str(50000 + i), "0.001", "Hit", "text/html", str(o["bytes"]), "-", "-"]
    f.add("\t".join(row), "accepted", o["country"])

f = fixture("cloudstorage", "example-bucket_usage_2026_11_23_08_00_00_00a1b2c3d4_v0")
f.add('"time_micros","c_ip","c_ip_type","c_ip_region","cs_method","cs_uri","sc_status","cs_bytes","sc_bytes",'
      '"time_taken_micros","cs_host","cs_referer","cs_user_agent","s_request_id","cs_operation","cs_bucket","cs_object"',
      "filtered:directive")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    micros = int(t.timestamp()) * 1000000 + t.microsecond
    ref = "" if o["ref"] == "-" else o["ref"]
    agent = o["agent"] if i % 23 else 'Mozilla/5.0 ""quoted"" agent'
    obj = o["path"].lstrip("/").split("?")[0] or "index.html"
    f.add(f'"{micros}","{o["client"]}","{2 if ":" in o["client"] else 1}","","{o["method"]}",'
          f'"/example-bucket/{obj}","{o["status"]}","0","{o["bytes"]}","{16000 + i}","storage.googleapis.com",'
          f'"{ref}","{agent}","AEnB2Uo{i:05d}","GET_Object","example-bucket","{obj}"', "accepted", o["country"])

# --- AWS load balancers and S3 -------------------------------------------------------------------------------------
f = fixture("awselb", "123456789012_elasticloadbalancing_us-east-1_my-loadbalancer_20261123T0805Z_192.0.2.1_abc.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    client = f"{v6_bracket(o['client']) if i % 2 else o['client']}:{40000 + i}"
    f.add(f'{iso(t)} my-loadbalancer {client} 10.0.0.{1 + i % 4}:80 0.000073 0.001048 0.000057 {o["status"]} {o["status"]}'
          f' 0 {o["bytes"]} "{o["method"]} http://{o["site"]}:80{o["path"]} HTTP/1.1" "{o["agent"]}" - -',
          "accepted", o["country"])
f.add(f'{iso(DAY)} my-loadbalancer 198.51.100.23:2817 10.0.0.1:80 0.001069 0.000028 0.000041 - - 82 305 "- - - " "-" - -',
      "rejected:bad-request")
f.add(f'{iso(DAY)} my-loadbalancer 192.0.2.10:2817 10.0.0.1:443 0.000086 0.001048 0.001337 200 200 0 57'
      f' "GET https://www.example.org:443/ HTTP/1.1" "curl/8.5.0" DHE-RSA-AES128-SHA TLSv1.2', "accepted", "GB")
f.add(f'http {iso(DAY)} app/my-loadbalancer/50dc6c495c0c9188 203.0.113.99:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34'
      ' 366 "GET http://www.example.org:80/ HTTP/1.1" "curl/8.5.0" - -'
      ' arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'
      ' "Root=1-58337262-36d228ad5d99923122bbe354" "-" "-" 0 2026-11-23T07:59:48.364000Z "forward" "-" "-"',
      "accepted", "US")  # an Application Load Balancer line, as GoAccess's AWSELB reads them

ALB_TAIL = (' arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'
            ' "Root=1-58337262-36d228ad5d99923122bbe354" "{dom}" "{cert}" {prio} 2026-11-23T07:59:48.364000Z'
            ' "forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_{i:08x}')
f = fixture("awsalb", "123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.50dc6c495c0c9188_20261123T0805Z_198.51.100.2_xyz.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    kind = ["http", "https", "h2", "ws", "wss"][i % 5]
    scheme = "https" if kind in ("https", "h2", "wss") else "http"
    client = o["client"] + f":{40000 + i}" if i % 3 else f"{v6_bracket(o['client'])}:{40000 + i}"
    tls = "ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2" if scheme == "https" else "- -"
    dom = o["site"] if scheme == "https" else "-"
    cert = "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" if scheme == "https" else "-"
    line = (f'{kind} {iso(t)} app/my-loadbalancer/50dc6c495c0c9188 {client} 10.0.0.1:80 0.000 0.001 0.000'
            f' {o["status"]} {o["status"]} 34 {o["bytes"]} "{o["method"]} {scheme}://{o["site"]}:{443 if scheme == "https" else 80}'
            f'{o["path"]} {"HTTP/2.0" if kind == "h2" else "HTTP/1.1"}" "{o["agent"]}" {tls}'
            + ALB_TAIL.format(dom=dom, cert=cert, prio=i % 3, i=i))
    f.add(line, "accepted", o["country"])
f.add(f'http {iso(DAY)} app/my-loadbalancer/50dc6c495c0c9188 192.0.2.10:2817 - -1 -1 -1 400 - 0 0 "- - -" "-" - - -'
      ' "-" "-" "-" 0 2026-11-23T07:59:48.364000Z "-" "-" "-"', "rejected:bad-request")
f.add(f'http {iso(DAY)} app/my-loadbalancer/50dc6c495c0c9188 192.0.2.10:2817 - -1 -1 -1 400 - 0 0'
      ' "- http://www.example.org:80- -" "-" - - - "-" "-" "-" 0 2026-11-23T07:59:48.364000Z "-" "-" "-"',
      "rejected:bad-request")
f.add(f'wss {iso(DAY)} app/my-loadbalancer/50dc6c495c0c9188 198.51.100.23:44244 10.0.0.171:8010 0.000 0.001 0.000 101 101'
      ' 218 786 "GET https://10.0.0.30:443/ HTTP/1.1" "-" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2'
      ' arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067'
      ' "Root=1-58337364-23a8c76965a2ef7629b185e3" "-" "-"1 2026-11-23T07:59:48.364000Z "forward" "-" "-"',
      "accepted", "DE")  # as AWS's own example writes it: no space before matched_rule_priority

f = fixture("awss3", "2026-11-23-08-05-00-1E2D3C4B5A6F7E8D")
OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    key = o["path"].lstrip("/").split("?")[0] or "index.html"
    requester = OWNER if i % 3 == 0 else ("arn:aws:iam::123456789012:user/alice" if i % 3 == 1 else "-")
    ref = f'"{o["ref"]}"' if o["ref"] != "-" or i % 2 else "-"
    agent = f'"{o["agent"]}"' if i % 10 else "-"
    f.add(f'{OWNER} amzn-s3-demo-bucket1 [{clf(t)}] {o["client"]} {requester} 3E57427F3{i:07X} REST.{o["method"]}.OBJECT'
          f' {key} "{o["method"]} /amzn-s3-demo-bucket1/{key} HTTP/1.1" {o["status"]} - {o["bytes"]} {o["bytes"]} 7 6'
          f' {ref} {agent} - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4'
          f' ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSv1.2 - -',
          "accepted", o["country"])
f.add(f'{OWNER} amzn-s3-demo-bucket1 [23/Nov/2026:09:00:00 +0000] 192.0.2.10 {OWNER} 8CD7A4A71E2E5C9E'
      ' BATCH.DELETE.OBJECT old.war - 204 - - 344017 - - - - - IeDW5I3wefFxU8iHOcAzi5qr+O+1bdRlcQ0AO2WGjFh7JwYM6qCoKq='
      ' SigV4 ECDHE-RSA-AES128-SHA AuthHeader s3.eu-central-1.amazonaws.com TLSv1.2', "rejected:bad-request")
f.add(f'{OWNER} amzn-s3-demo-bucket1 [23/Nov/2026:09:00:01 +0000] 198.51.100.23 - 8CD7A4A71E2E5C9F'
      ' REST.GET.OBJECT a+b.txt "GET /amzn-s3-demo-bucket1/a+b.txt?x-id=GetObject HTTP/1.1" 403 AccessDenied 243 - 12 -'
      ' "-" "aws-sdk-java/1.12.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17, vendor/Eclipse_Adoptium" -'
      ' HostId= SigV4 - QueryString amzn-s3-demo-bucket1.s3.amazonaws.com - - Yes', "accepted", "DE")

# --- Squid, HAProxy, Envoy, Istio ----------------------------------------------------------------------------------
f = fixture("squid", "access.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    elapsed = [98, 4, 1234, 123456, 7][i % 5]
    ts = f"{int(t.timestamp())}.{t.microsecond // 1000:03d}"
    prefix = f"Nov 23 {t.strftime('%H:%M:%S')} proxy1 squid[1234]: " if i % 4 == 0 else ""
    if i % 10 == 6:
        line = (f'{ts} {elapsed:6d} {o["client"]} TCP_TUNNEL/200 {o["bytes"]} CONNECT {o["site"]}:443 -'
                f' HIER_DIRECT/198.51.100.34 -')
    else:
        line = (f'{ts} {elapsed:6d} {o["client"]} TCP_{"MISS" if i % 3 else "HIT"}/{o["status"]} {o["bytes"]}'
                f' {o["method"]} http://{o["site"]}{o["path"]} {"alice" if i % 8 == 1 else "-"}'
                f' {"HIER_DIRECT/198.51.100.34" if i % 3 else "HIER_NONE/-"} text/html')
    f.add(prefix + line, "accepted", o["country"])
f.add("1795420900.001      0 192.0.2.10 TCP_MISS_ABORTED/000 0 GET http://www.example.org/slow - HIER_DIRECT/198.51.100.34 -",
      "rejected:bad-status")  # the client gave up before any reply: no HTTP status

f = fixture("haproxy", "haproxy.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    when = t.strftime("%d/%b/%Y:%H:%M:%S") + f".{t.microsecond // 1000:03d}"
    caps = ["{%s|Mozilla} {} " % o["site"], "", "{%s||} {|||} " % o["site"]][i % 3]
    body = (f'{o["client"]}:{40000 + i} [{when}] https-in~ web/srv{1 + i % 2} 0/0/1/{i % 50}/{i % 50 + 2}'
            f' {o["status"]} {o["bytes"]} - - ---- 6/6/0/0/0 0/0 {caps}"{o["method"]} {o["path"]} HTTP/1.1"')
    prefix = f"Nov 23 {t.strftime('%H:%M:%S')} lb1 haproxy[32450]: " if i % 5 else ""
    f.add(prefix + body, "accepted", o["country"])
f.add('Nov 23 09:00:00 lb1 haproxy[32450]: 192.0.2.10:33317 [23/Nov/2026:09:00:00.001] https-in~ https-in/<NOSRV>'
      ' -1/-1/-1/-1/0 400 187 - - PR-- 1/1/0/0/0 0/0 "<BADREQ>"', "rejected:bad-request")
f.add('Nov 23 09:00:01 lb1 haproxy[32450]: 192.0.2.10:33318 [23/Nov/2026:09:00:01.001] https-in~ web/srv1'
      ' 0/0/0/-1/5001 -1 0 - - CD-- 1/1/0/0/0 0/0 "GET /slow HTTP/1.1"',
      "rejected:bad-status")  # the client aborted before a response: HAProxy writes -1

f = fixture("envoy", "access.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    xff = o["client"] if i % 3 else f'{o["client"]}, 10.0.0.2'  # right-most untrusted: 10.0.0.2 unless trusted
    country = o["country"] if i % 3 else "(internal)"
    f.add(f'[{iso(t, 3)}] "{o["method"]} {o["path"]} {"HTTP/2" if i % 2 else "HTTP/1.1"}" {o["status"]} - 0 {o["bytes"]}'
          f' {i % 90} {"-" if i % 4 == 0 else i % 80} "{xff}" "{o["agent"]}" "{i:08x}-cf5c-432b-8c7e-98aeb7988cd2"'
          f' "{o["site"]}" "10.0.2.1:80"', "accepted", country)
f.add('[2026-11-23T09:00:00.000Z] "- - -" 0 UF,URX 0 0 0 - "-" "-" "-" "-" "127.0.0.1:9200"', "rejected:bad-request")
f.add('[2026-11-23T09:00:01.000Z] "GET /slow HTTP/1.1" 0 DC 0 0 5001 - "192.0.2.10" "curl/8.5.0"'
      ' "7b2b2c4e-0001-4c1e-9a7e-000000000001" "www.example.org" "10.0.2.1:80"',
      "rejected:bad-status")  # "0 means that the server never sent the beginning of a response" (Envoy docs)

f = fixture("istio", "istio-proxy.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    remote = f"{v6_bracket(o['client'])}:{40000 + i}"
    f.add(f'[{iso(t, 3)}] "{o["method"]} {o["path"]} HTTP/1.1" {o["status"]} - via_upstream - "-" 0 {o["bytes"]} 4 3'
          f' "{"-" if i % 2 else "203.0.113.50"}" "{o["agent"]}" "84961386-6d84-929d-98bd-{i:012x}" "{o["site"]}:8000"'
          f' "10.44.1.27:80" outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 10.0.45.184:8000'
          f' {remote} - default', "accepted", o["country"])
f.add('[2026-11-23T09:00:00.000Z] "- - -" 0 - - - "-" 0 0 1 - "-" "-" "-" "-" "10.44.1.27:3306"'
      ' outbound|3306||mysql.default.svc.cluster.local 10.44.1.23:37654 10.0.45.185:3306 192.0.2.10:51234 - -',
      "rejected:bad-request")

# --- JSON: Caddy, Traefik, Google Cloud load balancer, nginx escape=json ------------------------------------------
f = fixture("caddy", "access.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    req = {"remote_ip": "10.0.0.%d" % (1 + i % 3), "remote_port": str(40000 + i), "client_ip": o["client"],
           "proto": "HTTP/2.0" if i % 2 else "HTTP/1.1", "method": o["method"], "host": o["site"], "uri": o["path"],
           "headers": {"User-Agent": [o["agent"] if i % 17 else 'Mozilla/5.0 ("quoted")'], "Accept": ["*/*"]}}
    if o["ref"] != "-":
        req["headers"]["Referer"] = [o["ref"]]
    if i % 7 == 2:  # Caddy before 2.7: no client_ip, the peer is the client
        del req["client_ip"]
        req["remote_ip"] = o["client"]
    if i % 2:
        req["tls"] = {"resumed": False, "version": 772, "cipher_suite": 4865, "proto": "h2", "server_name": o["site"]}
    entry = {"level": "info", "ts": round(t.timestamp(), 7), "logger": "http.log.access.log0", "msg": "handled request",
             "request": req, "bytes_read": 0, "user_id": "", "duration": 0.000929675, "size": o["bytes"],
             "status": o["status"], "resp_headers": {"Server": ["Caddy"], "Content-Type": ["text/html; charset=utf-8"]}}
    f.add(json.dumps(entry, separators=(",", ":"), ensure_ascii=False), "accepted", o["country"])

f = fixture("traefikjson", "access.json")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    port = 40000 + i
    entry = {"ClientAddr": f"{v6_bracket(o['client'])}:{port}", "ClientHost": o["client"], "ClientPort": str(port),
             "ClientUsername": "-", "DownstreamContentSize": o["bytes"], "DownstreamStatus": o["status"],
             "Duration": 1234567 + i, "OriginContentSize": o["bytes"], "OriginDuration": 1200000,
             "OriginStatus": o["status"], "Overhead": 34567, "RequestAddr": o["site"] + ":443",
             "RequestContentSize": 0, "RequestCount": i + 1, "RequestHost": o["site"], "RequestMethod": o["method"],
             "RequestPath": o["path"], "RequestPort": "443", "RequestProtocol": "HTTP/2.0", "RequestScheme": "https",
             "RetryAttempts": 0, "RouterName": "web@docker", "ServiceAddr": "172.19.0.3:5601",
             "ServiceName": "web@docker", "ServiceURL": "http://172.19.0.3:5601",
             "StartLocal": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}123+01:00",
             "StartUTC": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}123Z",
             "entryPointName": "websecure", "level": "info", "msg": "", "time": t.strftime("%Y-%m-%dT%H:%M:%SZ")}
    if i % 3:
        entry["request_User-Agent"] = o["agent"]
    if i % 5 == 0:
        entry["request_X-Forwarded-For"] = "203.0.113.50"
    f.add(json.dumps(entry, separators=(",", ":")), "accepted", o["country"])

f = fixture("gcplb", "requests_20261123_0800.json")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    remote = o["client"].upper() if i % 4 == 1 else o["client"]
    if i % 6 == 5 and ":" not in remote:
        remote += f":{40000 + i}"  # "This field can include port information"
    http = {"requestMethod": o["method"], "requestUrl": f"https://{o['site']}{o['path']}", "requestSize": "123",
            "status": o["status"], "responseSize": str(o["bytes"]), "userAgent": o["agent"], "remoteIp": remote,
            "serverIp": "10.128.0.5", "latency": "0.012345s", "protocol": "HTTP/1.1" if i % 2 else "HTTP/2.0"}
    if o["ref"] != "-":
        http["referer"] = o["ref"]
    entry = {"insertId": f"1a2b{i:06x}", "jsonPayload": {
        "@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",
        "statusDetails": "response_sent_by_backend", "backendTargetProjectNumber": "projects/123456789"},
        "httpRequest": http, "resource": {"type": "http_load_balancer", "labels": {
            "project_id": "example-project", "url_map_name": "web-map", "zone": "global"}},
        "timestamp": iso(t), "severity": "INFO", "logName": "projects/example-project/logs/requests",
        "trace": f"projects/example-project/traces/{i:032x}", "receiveTimestamp": iso(t + dt.timedelta(seconds=1))}
    f.add(json.dumps(entry, separators=(",", ":")), "accepted", o["country"])

f = fixture("json", "access.json")  # nginx: log_format json_combined escape=json '{...}'
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    local = t + dt.timedelta(hours=1)
    entry = {"time_iso8601": local.strftime("%Y-%m-%dT%H:%M:%S+01:00"), "remote_addr": o["client"],
             "remote_user": "", "request": f'{o["method"]} {o["path"]} HTTP/1.1', "status": str(o["status"]),
             "body_bytes_sent": str(o["bytes"]), "request_time": "0.004",
             "http_referrer": "" if o["ref"] == "-" else o["ref"], "http_user_agent": o["agent"], "host": o["site"]}
    if i % 5 == 1:  # another logger, other key order and numbers
        entry = {"status": o["status"], "host": o["site"], "request": entry["request"], "remote_addr": o["client"],
                 "http_user_agent": o["agent"], "body_bytes_sent": o["bytes"], "time_iso8601": entry["time_iso8601"]}
    text = json.dumps(entry, separators=(",", ":"))
    if i % 9 == 3:
        text = text.replace("/", "\\/")  # nginx escape=json writes / as is; other encoders escape it
    f.add(text, "accepted", o["country"])
f.add('{"time_iso8601":"2026-11-23T10:00:00+01:00","remote_addr":"2001:db8::1","remote_user":"",'
      '"request":"GET /caf\\u00e9?q=\\"x\\" HTTP/1.1","status":"200","body_bytes_sent":"12","request_time":"0.001",'
      '"http_referrer":"","http_user_agent":"M\\u00f6zilla\\/5.0","host":"www.example.org"}', "accepted", "FR")
f.add('{"time_iso8601":"2026-11-23T10:00:01+01:00","remote_addr":"192.0.2.10","remote_user":"",'
      '"request":"\\u0016\\u0003\\u0001\\u0002\\u0000\\u0001","status":"400","body_bytes_sent":"157","request_time":"0.000",'
      '"http_referrer":"","http_user_agent":"","host":"_"}', "rejected:bad-request")

# --- Nginx Proxy Manager's "proxy" log_format, pasted verbatim as nginx:... ----------------------------------------
f = fixture("nginx-proxy-manager", "proxy-host-1_access.log")
for i, t in enumerate(times(ORDINARY)):
    o = ordinary(i)
    cache = ["-", "HIT", "MISS"][i % 3]
    f.add(f'[{clf(t)}] {cache} {o["status"]} {o["status"]} - {o["method"]} https {o["site"]} "{o["path"]}"'
          f' [Client {o["client"]}] [Length {o["bytes"]}] [Gzip {"-" if i % 2 else "3.45"}] [Sent-to 172.17.0.{2 + i % 3}]'
          f' "{o["agent"]}" "{o["ref"]}"', "accepted", o["country"])

for fx in FIXTURES:
    fx.write()
    fx.report()
