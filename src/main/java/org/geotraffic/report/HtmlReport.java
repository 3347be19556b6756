package org.geotraffic.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as one self-contained HTML file: the data as JSON, the map geometry, the scripts and the styles
 * all inline, so it opens offline and from an e-mail attachment.
 *
 * <p>Third-party files come unchanged from maintained packages: d3-geo and d3-array from their WebJars
 * (Maven Central), topojson-client and world-atlas's countries-110m from npm, vendored under
 * {@code vendor/} beside this class (tests/browser checks the copies against the pinned npm packages).
 * All are ISC-licensed; their licence texts are in the file's footer. A Content-Security-Policy allows only
 * these inline scripts (by hash) and no network at all.
 *
 * <p>Data never enters the markup directly: only as escaped JSON ({@link ReportJson#forScriptElement}),
 * which the page's script renders with textContent. Stateless, thread-safe.
 */
public final class HtmlReport {
  private static final String WEBJARS = "/META-INF/resources/webjars/";
  private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z_]+)@@");

  /** A third-party component inlined into the report, with its licence file. */
  record Component(String name, String version, String licence, String licenceResource) {}

  static final List<Component> COMPONENTS = List.of(
      new Component("d3-array", "3.2.4", "ISC", WEBJARS + "d3-array/3.2.4/LICENSE"),
      new Component("d3-geo", "3.1.1", "ISC (includes GeographicLib code, MIT)", WEBJARS + "d3-geo/3.1.1/LICENSE"),
      new Component("topojson-client", "3.1.0", "ISC", "vendor/topojson-client.LICENSE"),
      new Component("world-atlas", "2.0.2 (countries-110m; map data from Natural Earth, public domain)", "ISC",
          "vendor/world-atlas.LICENSE"));

  /** The scripts in load order: d3-geo needs d3-array, the report needs all three. */
  private static final List<String> SCRIPTS = List.of(
      WEBJARS + "d3-array/3.2.4/dist/d3-array.min.js",
      WEBJARS + "d3-geo/3.1.1/dist/d3-geo.min.js",
      "vendor/topojson-client.min.js",
      "report.js");

  private HtmlReport() {}

  /** The whole HTML document. */
  public static String render(ReportData data) {
    List<String> scripts = new ArrayList<>();
    for (String s : SCRIPTS) {
      String js = resource(s);
      if (js.toLowerCase(Locale.ROOT).contains("</script") || js.contains("<!--")) {
        throw new IllegalStateException("Cannot inline script: it contains a script end tag or comment opener, " + s);
      }
      scripts.add(js);
    }
    StringBuilder scriptTags = new StringBuilder();
    StringBuilder hashes = new StringBuilder();
    for (String js : scripts) {
      scriptTags.append("<script>").append(js).append("</script>\n");
      hashes.append(hashes.length() == 0 ? "" : " ").append("'sha256-").append(sha256(js)).append('\'');
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("SCRIPT_HASHES", hashes.toString());
    values.put("CSS", resource("report.css"));
    values.put("LICENCES", licences());
    values.put("DATA", ReportJson.forScriptElement(data));
    values.put("WORLD", ReportJson.escapeForScript(resource("vendor/world-atlas-countries-110m.json").strip()));
    values.put("SCRIPTS", scriptTags.toString());
    return fill(resource("report.html"), values);
  }

  /** Replaces each {@code @@NAME@@} of the template in one pass, so no inserted text is scanned again. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 512 * 1024);
    int last = 0;
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalStateException("Cannot render report: no value for placeholder " + m.group());
      }
      out.append(template, last, m.start()).append(v);
      last = m.end();
    }
    return out.append(template, last, template.length()).toString();
  }

  private static String licences() {
    StringBuilder b = new StringBuilder();
    b.append("<p>Country and region names, and the numeric country codes that match the map to the data: Debian iso-codes 4.15.0 ")
        .append("(LGPL-2.1-or-later). Continents: countries-list 3.4.1 (MIT).</p>\n");
    for (Component c : COMPONENTS) {
      b.append("<h3>").append(escape(c.name() + " " + c.version() + ", licence " + c.licence())).append("</h3>\n<pre>")
          .append(escape(resource(c.licenceResource()).strip())).append("</pre>\n");
    }
    return b.toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String sha256(String s) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash script: no SHA-256", e);
    }
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Cannot render report: resource missing, " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render report: cannot read resource " + name, e);
    }
  }
}
