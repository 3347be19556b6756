package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput of the format-driven parser against a hand-written fixed combined parser. Not a test
 * (no JUnit): run with
 * {@code java -Xmx3g -cp target/classes:target/test-classes org.geotraffic.parse.ParserBenchmark [lines]}.
 *
 * <p>Generates realistic combined lines in memory (a few thousand clients, timestamps advancing
 * by 0-2 s so that neighbours often share a second, mixed methods, statuses, referers, agents and a
 * few bad lines), warms up, then prints lines/s for the {@code combined} preset, the equivalent
 * {@code apache:} format string, the {@code nginx} preset and the fixed parser, three rounds each.
 * The fixed parser uses the same field rules (pre-check, timestamp cache, request line, numbers)
 * so that the comparison isolates the cost of driving the scan from a token list.
 */
public final class ParserBenchmark {
  private static final String COMBINED_APACHE =
      "apache:%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

  private ParserBenchmark() {}

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    List<String> data = generate(lines, new Random(42));
    System.out.printf(Locale.ROOT, "%,d lines, %,d chars%n", data.size(), data.stream().mapToLong(String::length).sum());
    String[] names = {"combined", COMBINED_APACHE, "nginx", "fixed-combined"};
    for (String name : names) {
      for (int w = 0; w < 3; w++) {
        run(name, data, 0, true); // warm-up: let the JIT settle
      }
    }
    for (int round = 1; round <= 3; round++) {
      for (String name : names) {
        run(name, data, round, false);
      }
    }
  }

  private static void run(String name, List<String> data, int round, boolean warmUp) {
    LineParser parser =
        name.equals("fixed-combined") ? new FixedCombinedParser(65_536) : LineParsers.create(name, 65_536);
    long accepted = 0;
    long checksum = 0;
    System.gc(); // keep collections of the previous run out of this one's time
    long t0 = System.nanoTime();
    for (int i = 0, n = data.size(); i < n; i++) {
      ParseResult r = parser.parse(data.get(i));
      if (r.isAccepted()) {
        accepted++;
        checksum += r.entry().epochSecond() + r.entry().status() + r.entry().target().length();
      }
    }
    long nanos = System.nanoTime() - t0;
    if (!warmUp) {
      System.out.printf(
          Locale.ROOT,
          "round %d  %-70s %,12.0f lines/s  (accepted %,d, checksum %d)%n",
          round,
          name,
          data.size() / (nanos / 1e9),
          accepted,
          checksum);
    }
  }

  static List<String> generate(int count, Random rnd) {
    String[] methods = {"GET", "GET", "GET", "GET", "POST", "HEAD", "PUT"};
    String[] paths = {
      "/", "/index.html", "/images/logo.png", "/css/site.css", "/js/app.min.js",
      "/api/v1/items", "/blog/2015/05/17/a-long-article-title-with-words", "/favicon.ico",
      "/search", "/presentations/logstash-monitorama-2013/images/kibana-search.png"
    };
    String[] queries = {"", "", "", "?q=spark", "?page=2&sort=desc", "?utm_source=news"};
    int[] statuses = {200, 200, 200, 200, 304, 404, 301, 500, 206};
    String[] referers = {
      "-", "-", "http://example.com/", "https://www.google.com/search?q=geo",
      "http://semicomplete.com/presentations/logstash-monitorama-2013/"
    };
    String[] agents = {
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/32.0.1700.77 Safari/537.36",
      "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:27.0) Gecko/20100101 Firefox/27.0",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "curl/7.68.0",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 7_0 like Mac OS X) AppleWebKit/537.51.1 (KHTML, like"
          + " Gecko) Version/7.0 Mobile/11A465 Safari/9537.53"
    };
    String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    String[] clients = new String[5000];
    for (int i = 0; i < clients.length; i++) {
      clients[i] =
          rnd.nextInt(10) == 0
              ? String.format(Locale.ROOT, "2001:db8:%x::%x", rnd.nextInt(65536), rnd.nextInt(65536))
              : (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
    }
    long epoch = 1_431_856_800L; // 2015-05-17T10:00:00Z
    List<String> out = new ArrayList<>(count);
    StringBuilder b = new StringBuilder(320);
    for (int i = 0; i < count; i++) {
      epoch += rnd.nextInt(3) == 0 ? 1 : 0;
      long s = epoch;
      int sec = (int) (s % 60);
      int min = (int) (s / 60 % 60);
      int hour = (int) (s / 3600 % 24);
      int day = 17 + (int) ((s - 1_431_820_800L) / 86_400); // stays within May for 2M lines
      b.setLength(0);
      if (rnd.nextInt(1000) == 0) {
        out.add("\u0016\u0003\u0001 garbage \uFFFD\uFFFD");
        continue;
      }
      b.append(clients[rnd.nextInt(clients.length)]).append(" - - [");
      b.append(String.format(Locale.ROOT, "%02d/%s/2015:%02d:%02d:%02d +0000", day, months[4], hour, min, sec));
      b.append("] \"").append(methods[rnd.nextInt(methods.length)]).append(' ');
      b.append(paths[rnd.nextInt(paths.length)]).append(queries[rnd.nextInt(queries.length)]);
      b.append(" HTTP/1.1\" ").append(statuses[rnd.nextInt(statuses.length)]).append(' ');
      b.append(rnd.nextInt(8) == 0 ? "-" : Integer.toString(rnd.nextInt(300_000)));
      b.append(" \"").append(referers[rnd.nextInt(referers.length)]).append("\" \"");
      b.append(agents[rnd.nextInt(agents.length)]).append('"');
      out.add(b.toString());
    }
    return out;
  }

  /**
   * A hand-written parser for exactly the combined format, as one would write it without a format
   * engine: fixed sequence of index searches, same field rules as the engine.
   */
  static final class FixedCombinedParser implements LineParser {
    private static final ParseResult MALFORMED = ParseResult.rejected(RejectReason.MALFORMED);
    private final int maxLineLength;
    private final TimestampPattern clf = TimestampPattern.clf();
    private final int[] timeEnd = new int[1];
    private final RequestLine request = new RequestLine();
    private String cachedTime;
    private long cachedEpoch;

    FixedCombinedParser(int maxLineLength) {
      this.maxLineLength = maxLineLength;
    }

    @Override
    public ParseResult parse(String line) {
      ParseResult pre = LinePrecheck.check(line, maxLineLength);
      if (pre != null) {
        return pre;
      }
      int n = line.length();
      int e1 = line.indexOf(' ');
      while (e1 > 0 && line.charAt(e1 - 1) == ',') {
        e1 = line.indexOf(' ', e1 + 1);
      }
      if (e1 <= 0) {
        return MALFORMED;
      }
      int e2 = line.indexOf(' ', e1 + 1);
      if (e2 < 0) {
        return MALFORMED;
      }
      int e3 = line.indexOf(' ', e2 + 1);
      if (e3 < 0 || !line.startsWith(" [", e3)) {
        return MALFORMED;
      }
      int ts = e3 + 2;
      long epoch;
      int te;
      if (cachedTime != null
          && line.regionMatches(ts, cachedTime, 0, cachedTime.length())
          && line.startsWith("] \"", ts + cachedTime.length())) {
        epoch = cachedEpoch;
        te = ts + cachedTime.length();
      } else {
        epoch = clf.parse(line, ts, timeEnd);
        if (epoch == CivilCalendar.INVALID) {
          return ParseResult.rejected(RejectReason.BAD_TIMESTAMP);
        }
        te = timeEnd[0];
        cachedTime = line.substring(ts, te);
        cachedEpoch = epoch;
      }
      if (!line.startsWith("] \"", te)) {
        return MALFORMED;
      }
      int rs = te + 3;
      int re = line.indexOf("\" ", rs);
      if (re < 0) {
        return ParseResult.rejected(RejectReason.UNTERMINATED_QUOTE);
      }
      int ss = re + 2;
      int se = line.indexOf(' ', ss);
      if (se < 0) {
        return MALFORMED;
      }
      int bs = se + 1;
      int be = line.indexOf(' ', bs);
      if (be < 0 || !line.startsWith(" \"", be)) {
        return MALFORMED;
      }
      int fs = be + 2;
      int fe = line.indexOf("\" \"", fs);
      if (fe < 0) {
        return MALFORMED;
      }
      int as = fe + 3;
      if (n - 1 < as || line.charAt(n - 1) != '"') {
        return ParseResult.rejected(RejectReason.UNTERMINATED_QUOTE);
      }
      String client = line.substring(0, e1);
      if (!ClientField.isPlausible(client)) {
        return ParseResult.rejected(RejectReason.BAD_CLIENT);
      }
      if (!request.parse(line, rs, re)) {
        return ParseResult.rejected(RejectReason.BAD_REQUEST);
      }
      int status = NumericField.status(line, ss, se);
      if (status < 0) {
        return ParseResult.rejected(RejectReason.BAD_STATUS);
      }
      long bytes = NumericField.bytes(line, bs, be);
      if (bytes < 0) {
        return ParseResult.rejected(RejectReason.BAD_BYTES);
      }
      String user = FieldText.isAbsent(line, e2 + 1, e3) ? null : line.substring(e2 + 1, e3);
      String referer = FieldText.isAbsent(line, fs, fe) ? null : line.substring(fs, fe);
      String agent = FieldText.isAbsent(line, as, n - 1) ? null : line.substring(as, n - 1);
      return ParseResult.accepted(
          new LogEntry(client, null, user, epoch, request.method(), request.target(),
              request.protocol(), status, bytes, referer, agent, null));
    }
  }
}
