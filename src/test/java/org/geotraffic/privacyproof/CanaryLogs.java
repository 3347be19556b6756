package org.geotraffic.privacyproof;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.geotraffic.geo.IpLiterals;

/**
 * Access logs seeded with canary values: every client address, host name, user name, user agent, query
 * string, referer, path parameter and X-Forwarded-For entry is unique to this file set, so finding one of
 * them anywhere outside the input proves a leak.
 *
 * <p>Every non-address canary contains {@link #TOKEN} (case varies), so a search for the token alone also
 * catches a truncated or re-encoded value. Addresses cannot carry a token: each is a marker of its own,
 * in the form written and in the forms Java prints ({@link InetAddress#getHostAddress()}), plus the 16 raw
 * bytes of every IPv6 address.
 *
 * <p>Pages ("/products/widget") are deliberately plain: they are published values, not canaries. A few
 * lines request a page of their own ({@link #SOLO_TOKEN}) from a single visitor: such a page may cross the
 * shuffle, but k-suppression must keep it out of the published tables.
 *
 * <p>The log format is Apache's combined plus a quoted X-Forwarded-For ({@link #FORMAT}); 10.0.0.0/8 is
 * the trusted proxy network ({@link #TRUSTED_PROXIES}), so the real client of a proxied line is in the
 * X-Forwarded-For value. Deterministic: the same seed gives the same files.
 */
final class CanaryLogs {
  /** Contained in every non-address canary (case-insensitive). */
  static final String TOKEN = "zq9canary";
  /** Contained in pages requested by one visitor only: may be shuffled, must not be published. */
  static final String SOLO_TOKEN = "zq8solo";
  static final String FORMAT =
      "apache:%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\" \"%{X-Forwarded-For}i\"";
  static final String TRUSTED_PROXIES = "10.0.0.0/8";
  /** Published pages the canary lines request (legitimately visible in shuffles and outputs). */
  static final List<String> PAGES =
      List.of("/", "/products/", "/products/widget", "/blog/2026/winter-sale", "/checkout", "/assets/app.js", "/logo.png");

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  /** The written files, the markers (text, case-insensitive), binary markers and solo-page markers. */
  record Written(List<Path> files, long lines, Set<String> literalMarkers, Set<String> textMarkers, Set<String> ipv6Binary,
      Set<String> soloMarkers) {}

  private final Random random;
  private final Set<String> text = new LinkedHashSet<>();
  /** Markers written verbatim into the logs (the others are other spellings of the same addresses). */
  private final Set<String> literal = new LinkedHashSet<>();
  private final Set<String> binary = new LinkedHashSet<>();
  private final Set<String> solo = new LinkedHashSet<>();
  private final List<String> clients = new ArrayList<>();
  private final List<String> userAgents = new ArrayList<>();

  private CanaryLogs(long seed) {
    random = new Random(seed);
  }

  /**
   * Writes {@code linesPerFile} lines into each of a plain and a gzip file under {@code dir}.
   */
  static Written write(Path dir, long seed, int linesPerFile) throws IOException {
    CanaryLogs c = new CanaryLogs(seed);
    c.makeClients(400);
    Files.createDirectories(dir);
    Path plain = dir.resolve("access.log.1");
    Path gz = dir.resolve("access.log.2.gz");
    long n = 0;
    try (Writer w = Files.newBufferedWriter(plain, StandardCharsets.UTF_8)) {
      for (int i = 0; i < linesPerFile; i++, n++) {
        w.write(c.line(i));
        w.write('\n');
      }
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz));
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < linesPerFile; i++, n++) {
        w.write(c.line(linesPerFile + i));
        w.write('\n');
      }
    }
    c.text.add(TOKEN);
    c.literal.add(TOKEN);
    c.solo.add(SOLO_TOKEN);
    return new Written(List.of(plain, gz), n, Set.copyOf(c.literal), Set.copyOf(c.text), Set.copyOf(c.binary), Set.copyOf(c.solo));
  }

  private void makeClients(int count) {
    for (int i = 0; i < count; i++) {
      String client = switch (i % 12) {
        // IPv4 the demo database knows (its three documentation ranges).
        case 0 -> "192.0.2." + (10 + i % 240);
        case 1 -> "198.51.100." + (10 + i % 240);
        case 2 -> "203.0.113." + (10 + i % 240);
        // IPv4 it does not know: public, CGNAT, private.
        case 3 -> "45.137." + (100 + i % 150) + "." + (10 + i % 240);
        case 4 -> "100.72." + (i % 250) + "." + (20 + i % 230);
        case 5 -> "172.19." + (i % 250) + "." + (30 + i % 220);
        // IPv6 the demo database knows, one it does not (still documentation), a public one, and a mapped IPv4.
        case 6 -> "2001:db8:" + (1 + i % 3) + "::" + Integer.toHexString(0xa000 + i);
        case 7 -> "2001:db8:ffff:" + Integer.toHexString(i) + "::c" + Integer.toHexString(i);
        case 8 -> "2a02:8109:" + Integer.toHexString(0x1000 + i) + "::" + Integer.toHexString(0xbe00 + i);
        case 9 -> "::ffff:192.0.2." + (10 + i % 240);
        // Host names (unresolved: located by their suffix only).
        case 10 -> TOKEN + "-host-" + i + ".example.de";
        default -> "dsl-" + TOKEN + "-" + i + ".pool.example.com";
      };
      clients.add(client);
      addClientMarkers(client);
      String ua = i % 17 == 0
          ? "Mozilla/5.0 (compatible; " + TOKEN + "bot/" + i + "; +http://" + TOKEN + "-bot.example/)"
          : "Mozilla/5.0 (X11; Linux x86_64; rv:" + i + ") Gecko/20100101 Firefox/132.0 ZQ9CanaryUA/" + i;
      userAgents.add(ua);
      text.add(ua);
    }
  }

  private void addClientMarkers(String client) {
    text.add(client);
    if (client.indexOf(':') >= 0) {
      InetAddress a = IpLiterals.parse(client);
      {
        text.add(a.getHostAddress());
        byte[] raw = a.getAddress();
        if (raw.length == 16) {
          StringBuilder full = new StringBuilder();
          for (int j = 0; j < 16; j += 2) {
            full.append(j == 0 ? "" : ":").append(String.format("%02x%02x", raw[j], raw[j + 1]));
          }
          text.add(full.toString());
          binary.add(new String(raw, StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  private String line(int i) {
    // Malformed lines (about 3%): still full of canaries, must be counted and never printed.
    if (i % 37 == 5) {
      String c = clients.get(random.nextInt(clients.size()));
      literal.add(c);
      return switch ((i / 37) % 4) {
        case 0 -> c + " - " + TOKEN + "-broken-" + i + " [not a time] \"GET /?token=" + TOKEN + i + " HTTP/1.1\" 200 1";
        case 1 -> c + " - - [21/Nov/2026:10:00:00 +0000] \"GET /products/?token=" + TOKEN + "-unterminated-" + i;
        case 2 -> TOKEN + "_not_a_client!" + i + " - - [21/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" \"-\"";
        default -> c + " - - [21/Nov/2026:10:00:00 +0000] \"GET /?q=" + TOKEN + "-" + "x".repeat(70_000) + " HTTP/1.1\" 200 1 \"-\" \"-\" \"-\"";
      };
    }
    int who = random.nextInt(clients.size());
    String client = clients.get(who);
    String ua = userAgents.get(who);
    literal.add(client);
    literal.add(ua);
    String peer = client;
    String xff = "-";
    if (i % 5 == 0) {
      // Behind our proxy: the peer is the proxy, the client is the right-most untrusted XFF entry. The
      // left-most entry is what the client claimed (spoofable) and is a canary too.
      peer = "10." + (i % 200) + "." + (i % 7) + "." + (11 + i % 200);
      String spoofed = "198.18." + (i % 200) + "." + (20 + i % 200);
      text.add(peer);
      text.add(spoofed);
      literal.add(peer);
      literal.add(spoofed);
      xff = spoofed + ", " + client;
    }
    String user = i % 4 == 0 ? TOKEN + "-user-" + (who % 97) : "-";
    ZonedDateTime t = ZonedDateTime.of(2026, 11, 20, 0, 0, 0, 0, ZoneOffset.UTC)
        .plusSeconds((long) (i % 3) * 86_400 + random.nextInt(86_000));
    String page = PAGES.get(random.nextInt(PAGES.size()));
    String target = switch (i % 9) {
      case 0 -> page + "?token=" + TOKEN + "-secret-" + i + "&email=" + TOKEN + i + "%40example.org";
      case 1 -> page + ";jsessionid=ZQ9CANARYSESSION" + i;
      case 2 -> page + "?q=" + TOKEN + "-search-" + i + "#" + TOKEN + "-frag-" + i;
      case 3 -> "http://" + TOKEN + "-vhost-" + i + ".example" + page + "?sid=" + TOKEN + i;
      case 4 -> i % 45 == 4 ? "/" + SOLO_TOKEN + "-page-" + i : page;
      default -> page;
    };
    if (target.contains(SOLO_TOKEN)) {
      solo.add(target);
    }
    String method = i % 11 == 0 ? "POST" : i % 23 == 0 ? "HEAD" : "GET";
    int status = i % 13 == 0 ? 404 : i % 19 == 0 ? 304 : 200;
    String referer = i % 3 == 0 ? "https://" + TOKEN + "-ref-" + (i % 50) + ".example.org/search?q=" + TOKEN + "-refq-" + i : "-";
    return peer + " - " + user + " [" + t.format(CLF) + "] \"" + method + " " + target + " HTTP/1.1\" " + status + " "
        + (status == 304 ? "-" : String.valueOf(200 + random.nextInt(40_000))) + " \"" + referer + "\" \"" + ua + "\" \"" + xff + "\"";
  }
}
