package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles an nginx {@code log_format} string into a {@link LineFormat}. Variables are written
 * {@code $name} or {@code ${name}}; everything else is literal text.
 *
 * <p>Variables that fill the entry: {@code $remote_addr} (client), {@code $http_x_forwarded_for},
 * {@code $remote_user}, {@code $time_local}, {@code $time_iso8601}, {@code $msec}, {@code $request},
 * {@code $request_method}, {@code $request_uri}, {@code $uri}/{@code $document_uri} with
 * {@code $args}/{@code $query_string}, {@code $server_protocol}, {@code $status},
 * {@code $body_bytes_sent} (preferred) and {@code $bytes_sent}, {@code $http_referer},
 * {@code $http_user_agent}, {@code $host}, {@code $server_name}, {@code $http_host} (site, in that
 * order of preference). Every other variable, whatever its name ({@code $http_*}, {@code $upstream_*},
 * {@code $request_time}, or one that the server's own configuration sets, such as Nginx Proxy
 * Manager's {@code $server}), is read over and skipped, and named in the run summary
 * ({@link LineFormat#skippedFields()}).
 *
 * <p>With {@link LineFormat.EscapeStyle#JSON} (nginx {@code escape=json}) the layout is the JSON
 * template itself, e.g. {@code {"ip":"$remote_addr","time":"$time_iso8601","status":$status}}, and
 * lines are matched against it exactly as nginx writes them (same key order and spacing); quoted
 * values are JSON-unescaped. Stateless.
 */
final class NginxFormatCompiler {
  private NginxFormatCompiler() {}

  static LineFormat compile(String layout, String source, LineFormat.EscapeStyle escapes) {
    List<FormatToken> tokens = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      char c = layout.charAt(i);
      if (c != '$') {
        literal.append(c);
        i++;
        continue;
      }
      String name;
      int next;
      if (i + 1 < layout.length() && layout.charAt(i + 1) == '{') {
        int close = layout.indexOf('}', i);
        if (close < 0) {
          throw LineParsers.badFormat("unterminated ${ in nginx variable " + layout.substring(i), source);
        }
        name = layout.substring(i + 2, close);
        next = close + 1;
      } else {
        int j = i + 1;
        while (j < layout.length() && isNameChar(layout.charAt(j))) {
          j++;
        }
        name = layout.substring(i + 1, j);
        next = j;
      }
      if (name.isEmpty()) {
        literal.append('$');
        i++;
        continue;
      }
      if (literal.length() > 0) {
        tokens.add(new FormatToken.Literal(literal.toString()));
        literal.setLength(0);
      }
      tokens.add(variable(name));
      i = next;
    }
    if (literal.length() > 0) {
      tokens.add(new FormatToken.Literal(literal.toString()));
    }
    return new LineFormat(source, tokens, escapes);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static FormatToken.Field variable(String name) {
    String d = "$" + name;
    return switch (name) {
      case "remote_addr" -> FormatToken.Field.of(Slot.CLIENT, d);
      case "http_x_forwarded_for" -> FormatToken.Field.of(Slot.FORWARDED_FOR, d);
      case "remote_user" -> FormatToken.Field.of(Slot.USER, d);
      case "time_local" -> FormatToken.Field.time(TimestampPattern.clf(), d);
      case "time_iso8601" -> FormatToken.Field.time(TimestampPattern.iso8601(), d);
      case "msec" -> FormatToken.Field.time(TimestampPattern.epochDecimal(), d);
      case "request" -> FormatToken.Field.of(Slot.REQUEST, d);
      case "request_method" -> FormatToken.Field.of(Slot.METHOD, d);
      case "request_uri" -> FormatToken.Field.of(Slot.TARGET, d);
      case "uri", "document_uri" -> FormatToken.Field.of(Slot.PATH, d);
      case "args", "query_string" -> FormatToken.Field.of(Slot.QUERY_ARGS, d);
      case "server_protocol" -> FormatToken.Field.of(Slot.PROTOCOL, d);
      case "status" -> FormatToken.Field.of(Slot.STATUS, d);
      case "body_bytes_sent" -> FormatToken.Field.of(Slot.BYTES, 2, d);
      case "bytes_sent" -> FormatToken.Field.of(Slot.BYTES, 1, d);
      case "http_referer" -> FormatToken.Field.of(Slot.REFERER, d);
      case "http_user_agent" -> FormatToken.Field.of(Slot.USER_AGENT, d);
      case "host" -> FormatToken.Field.of(Slot.SITE, 3, d);
      case "server_name" -> FormatToken.Field.of(Slot.SITE, 2, d);
      case "http_host" -> FormatToken.Field.of(Slot.SITE, 1, d);
      default -> FormatToken.Field.of(Slot.IGNORED, d);
    };
  }
}
