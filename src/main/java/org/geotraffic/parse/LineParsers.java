package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point the pipeline calls: validates an {@code input.format} value at startup and
 * creates parsers for it.
 *
 * <p>{@code input.format} is one of:
 *
 * <ul>
 *   <li>a preset ({@link Preset}): GoAccess's {@code combined}, {@code vcombined}, {@code common}, {@code vcommon},
 *       {@code w3c}, {@code cloudfront}, {@code cloudstorage}, {@code awselb}, {@code awsalb}, {@code awss3},
 *       {@code squid}, {@code caddy}, {@code traefikclf}; {@code traefikjson}, {@code gcplb}, {@code envoy},
 *       {@code istio}, {@code haproxy}, {@code varnishncsa}, {@code json}; and {@code vhost_combined}, {@code
 *       nginx} (nginx's default {@code combined}), {@code nginx_xff} (plus a trailing quoted {@code
 *       "$http_x_forwarded_for"}), {@code iis}. Presets skip fields appended after their last one;
 *   <li>{@code apache:<LogFormat>} — an Apache LogFormat string verbatim, see
 *       {@link ApacheFormatCompiler};
 *   <li>{@code nginx:<log_format>} — an nginx log_format string verbatim, see
 *       {@link NginxFormatCompiler};
 *   <li>{@code nginx:escape=json:<template>} or {@code nginx-json:<template>} — a log_format
 *       declared with {@code escape=json}, whose lines are JSON objects written in the template's key order, e.g.
 *       {@code nginx-json:{"ip":"$remote_addr","time":"$time_iso8601","request":"$request","status":$status}};
 *   <li>{@code json:<field>=<key>|<key>,...} — JSON lines in any key order, with the keys of the fields named
 *       replacing those of {@code json} ({@link JsonFields}).
 * </ul>
 *
 * <p>Text presets and user strings are compiled into one token format read by one scanner ({@link
 * TokenLineParser}); W3C files by {@link W3cLineParser}, JSON lines by {@link JsonLineParser}.
 * Stateless and thread-safe; the parsers it creates are not.
 */
public final class LineParsers {
  private static final String APACHE = "apache:";
  private static final String NGINX = "nginx:";
  private static final String NGINX_JSON = "nginx-json:";
  private static final String NGINX_ESCAPE_JSON = "nginx:escape=json:";
  private static final String NGINX_ESCAPE_DEFAULT = "nginx:escape=default:";
  private static final String JSON = "json:";

  private LineParsers() {}

  /**
   * Validates a format at startup; throws IllegalArgumentException whose message names the bad
   * part, e.g. "Cannot use input.format: unknown JSON field 'ua' ... in 'json:ua=agent'"
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
    return compile(format).newParser(maxLineLength);
  }

  /** The fields a valid format reads and skips, by name (never values): for the run summary. */
  public static InputFields fields(String format) {
    return compile(format).fields();
  }

  /**
   * True when a file of this format must be read whole by one parser, because its lines depend on earlier lines
   * (W3C {@code #Fields:} headers): such files are not split.
   */
  public static boolean needsWholeFiles(String format) {
    return compile(format).needsWholeFiles();
  }

  /** The preset names, in the order the README lists them. */
  public static List<String> presetNames() {
    List<String> names = new ArrayList<>();
    for (Preset p : Preset.values()) {
      names.add(p.key());
    }
    return List.copyOf(names);
  }

  /** The compiled format. */
  static FormatDefinition compile(String format) {
    if (format == null || format.isBlank()) {
      throw new IllegalArgumentException("Cannot use input.format: it is empty");
    }
    Preset preset = Preset.byName(format);
    if (preset != null) {
      return preset.definition();
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
    if (format.startsWith(JSON)) {
      return JsonFields.parse(format.substring(JSON.length()), format);
    }
    throw new IllegalArgumentException(
        "Cannot use input.format: unknown format '"
            + format
            + "', expected a preset (" + String.join(", ", presetNames()) + "),"
            + " apache:<LogFormat>, nginx:<log_format>, nginx-json:<log_format> or json:<field>=<key>,...");
  }

  /** "Cannot use input.format: {why} in '{source}'". */
  static IllegalArgumentException badFormat(String why, String source) {
    return new IllegalArgumentException("Cannot use input.format: " + why + " in '" + source + "'");
  }
}
