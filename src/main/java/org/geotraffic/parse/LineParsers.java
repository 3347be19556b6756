package org.geotraffic.parse;

import java.util.Locale;
import java.util.Map;

/**
 * The entry point the pipeline calls: validates an {@code input.format} value at startup and
 * creates parsers for it.
 *
 * <p>{@code input.format} is one of:
 *
 * <ul>
 *   <li>a preset: {@code common}, {@code combined}, {@code vhost_combined} (Apache's
 *       {@code %v:%p %h ...}; a missing ":port" is accepted), {@code nginx} (nginx's default
 *       {@code combined}), {@code nginx_xff} (nginx combined plus a trailing quoted
 *       {@code "$http_x_forwarded_for"}), {@code w3c} (IIS / W3C extended, also {@code iis});
 *   <li>{@code apache:<LogFormat>} — an Apache LogFormat string verbatim, see
 *       {@link ApacheFormatCompiler};
 *   <li>{@code nginx:<log_format>} — an nginx log_format string verbatim, see
 *       {@link NginxFormatCompiler};
 *   <li>{@code nginx:escape=json:<template>} or {@code nginx-json:<template>} — a log_format
 *       declared with {@code escape=json}, whose lines are JSON objects, e.g.
 *       {@code nginx-json:{"ip":"$remote_addr","time":"$time_iso8601","request":"$request","status":$status}}.
 * </ul>
 *
 * <p>The presets are compiled through the same format-string engine as user formats, so there is
 * one scanner ({@link TokenLineParser}) for all text formats, plus {@link W3cLineParser}.
 * Stateless and thread-safe; the parsers it creates are not.
 */
public final class LineParsers {
  /** The Apache LogFormat strings behind the Apache presets (from Apache's default httpd.conf). */
  static final Map<String, String> APACHE_PRESETS =
      Map.of(
          "common", "%h %l %u %t \"%r\" %>s %b",
          "combined", "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"",
          "vhost_combined",
              "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"");

  /** The nginx log_format strings behind the nginx presets. */
  static final Map<String, String> NGINX_PRESETS =
      Map.of(
          "nginx",
              "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
                  + " \"$http_referer\" \"$http_user_agent\"",
          "nginx_xff",
              "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
                  + " \"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"");

  private static final String APACHE = "apache:";
  private static final String NGINX = "nginx:";
  private static final String NGINX_JSON = "nginx-json:";
  private static final String NGINX_ESCAPE_JSON = "nginx:escape=json:";
  private static final String NGINX_ESCAPE_DEFAULT = "nginx:escape=default:";

  private LineParsers() {}

  /**
   * Validates a format at startup; throws IllegalArgumentException whose message names the bad
   * directive, e.g. "Cannot use input.format: unsupported Apache directive %Z in 'apache:%h %Z'"
   * (the format string is config, not client data, so it may be quoted).
   */
  public static void validate(String format) {
    compile(format);
  }

  /**
   * A new parser (not thread-safe; one per partition). maxLineLength: longer lines →
   * RejectReason.TOO_LONG.
   */
  public static LineParser create(String format, int maxLineLength) {
    if (maxLineLength < 1) {
      throw new IllegalArgumentException(
          "Cannot use input.max-line-length: must be >= 1, got " + maxLineLength);
    }
    LineFormat compiled = compile(format);
    return compiled == null
        ? new W3cLineParser(maxLineLength)
        : new TokenLineParser(compiled, maxLineLength);
  }

  /**
   * Whether the format's lines can only be parsed in file order from the start of their file (W3C:
   * "#Fields:" headers say what the following lines hold), so that files must not be split.
   */
  public static boolean needsWholeFiles(String format) {
    return compile(format) == null;
  }

  /** The compiled format, or null for W3C (whose fields come from the data). */
  static LineFormat compile(String format) {
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("Cannot use input.format: it is empty");
    }
    String name = format.trim().toLowerCase(Locale.ROOT);
    if (name.equals("w3c") || name.equals("iis")) {
      return null;
    }
    if (APACHE_PRESETS.containsKey(name)) {
      return ApacheFormatCompiler.compile(APACHE_PRESETS.get(name), name);
    }
    if (NGINX_PRESETS.containsKey(name)) {
      return NginxFormatCompiler.compile(
          NGINX_PRESETS.get(name), name, LineFormat.EscapeStyle.BACKSLASH);
    }
    if (format.startsWith(APACHE)) {
      return ApacheFormatCompiler.compile(format.substring(APACHE.length()), format);
    }
    if (format.startsWith(NGINX_ESCAPE_JSON)) {
      return NginxFormatCompiler.compile(
          format.substring(NGINX_ESCAPE_JSON.length()), format, LineFormat.EscapeStyle.JSON);
    }
    if (format.startsWith(NGINX_JSON)) {
      return NginxFormatCompiler.compile(
          format.substring(NGINX_JSON.length()), format, LineFormat.EscapeStyle.JSON);
    }
    if (format.startsWith(NGINX_ESCAPE_DEFAULT)) {
      return NginxFormatCompiler.compile(
          format.substring(NGINX_ESCAPE_DEFAULT.length()), format, LineFormat.EscapeStyle.BACKSLASH);
    }
    if (format.startsWith(NGINX)) {
      return NginxFormatCompiler.compile(
          format.substring(NGINX.length()), format, LineFormat.EscapeStyle.BACKSLASH);
    }
    throw new IllegalArgumentException(
        "Cannot use input.format: unknown format '"
            + format
            + "', expected common, combined, vhost_combined, nginx, nginx_xff, w3c,"
            + " apache:<LogFormat>, nginx:<log_format> or nginx-json:<log_format>");
  }

  /** "Cannot use input.format: {why} in '{source}'". */
  static IllegalArgumentException badFormat(String why, String source) {
    return new IllegalArgumentException("Cannot use input.format: " + why + " in '" + source + "'");
  }
}
