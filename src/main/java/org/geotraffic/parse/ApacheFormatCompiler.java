package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles an Apache {@code LogFormat} string (mod_log_config syntax) into a {@link LineFormat}.
 *
 * <p>Directives that fill the entry: {@code %h %a %{c}a} (client; %a wins over %h), {@code %u},
 * {@code %t} and {@code %{format}t} (strftime, {@code begin:}/{@code end:} prefixes, {@code sec},
 * {@code msec}, {@code usec}; consecutive time directives such as
 * {@code %{%d/%b/%Y %T}t.%{msec_frac}t %{%z}t} are read as one timestamp), {@code %r}, {@code %m},
 * {@code %U}, {@code %q}, {@code %H}, {@code %>s}/{@code %s} (final status wins), {@code %b},
 * {@code %B} (body bytes, preferred) and {@code %O}, {@code %v}/{@code %V} and {@code %{Host}i}
 * (site), {@code %{Referer}i}, {@code %{User-Agent}i}, {@code %{X-Forwarded-For}i}. Every other
 * directive, whatever its letter ({@code %l %A %D %T %I %S %k %L %p %P %R %X %f %e %n %C %o}, other headers,
 * and letters of modules this list does not know), is read over and skipped: a user pastes the
 * server's LogFormat verbatim, and a field the job does not use must not stop it. Skipped fields are
 * named in the run summary ({@link LineFormat#skippedFields()}). Status conditions
 * ({@code %400,501{User-agent}i}, {@code %!200...}) and the {@code <}/{@code >} modifiers are accepted.
 * {@code %v:%p} is one site field whose ":port" may be missing (real vhost logs write "host " as well
 * as "host:port "). A directive that cannot be read (unterminated {@code {}, no letter, {@code %i}
 * without a header name) fails, naming it.
 *
 * <p>Stateless.
 */
final class ApacheFormatCompiler {
  private ApacheFormatCompiler() {}

  /**
   * @param layout the LogFormat string
   * @param source the whole {@code input.format} value, for messages
   */
  static LineFormat compile(String layout, String source) {
    List<FormatToken> tokens = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    // The strftime layout of the last time directive, while it may still be merged with the next.
    String pendingTimeLayout = null;
    int i = 0;
    while (i < layout.length()) {
      char c = layout.charAt(i);
      if (c != '%') {
        literal.append(c);
        i++;
        continue;
      }
      int dStart = i;
      i++;
      if (i < layout.length() && layout.charAt(i) == '%') {
        literal.append('%');
        i++;
        continue;
      }
      boolean finalValue = false;
      boolean originalValue = false;
      while (i < layout.length() && "<>!,0123456789".indexOf(layout.charAt(i)) >= 0) {
        finalValue |= layout.charAt(i) == '>';
        originalValue |= layout.charAt(i) == '<';
        i++;
      }
      String arg = null;
      if (i < layout.length() && layout.charAt(i) == '{') {
        int close = layout.indexOf('}', i);
        if (close < 0) {
          throw LineParsers.badFormat(
              "unterminated { in Apache directive " + layout.substring(dStart), source);
        }
        arg = layout.substring(i + 1, close);
        i = close + 1;
      }
      while (i < layout.length() && (layout.charAt(i) == '<' || layout.charAt(i) == '>')) {
        finalValue |= layout.charAt(i) == '>';
        i++;
      }
      if (i >= layout.length()) {
        throw LineParsers.badFormat(
            "incomplete Apache directive " + layout.substring(dStart), source);
      }
      char d = layout.charAt(i++);
      if (d == '^' && i + 1 < layout.length()) {
        i += 2; // %{name}^ti / %{name}^to: trailers, read and ignored
        d = '^';
      }
      String directive = layout.substring(dStart, i);

      if (d == 't') {
        TimestampPattern pattern = null;
        String mergeLayout = null;
        if (arg == null) {
          literal.append('[');
          pattern = TimestampPattern.clf();
        } else {
          String a = arg.startsWith("begin:") ? arg.substring(6) : arg.startsWith("end:") ? arg.substring(4) : arg;
          switch (a) {
            case "sec" -> pattern = TimestampPattern.epochSeconds();
            case "msec" -> pattern = TimestampPattern.epochMillis();
            case "usec" -> pattern = TimestampPattern.epochMicros();
            case "msec_frac" -> mergeLayout = "%3";
            case "usec_frac" -> mergeLayout = "%6";
            default -> mergeLayout = a;
          }
        }
        if (mergeLayout != null) {
          if (pendingTimeLayout != null) {
            // Fold "<previous time><literal><this time>" into one timestamp.
            mergeLayout = pendingTimeLayout + literal.toString().replace("%", "%%") + mergeLayout;
            literal.setLength(0);
            tokens.remove(tokens.size() - 1);
          }
          pattern = compileTime(mergeLayout, directive, source);
          pendingTimeLayout = mergeLayout;
          flush(literal, tokens);
          tokens.add(FormatToken.Field.time(pattern, directive));
          continue;
        }
        flush(literal, tokens);
        tokens.add(FormatToken.Field.time(pattern, directive));
        if (arg == null) {
          literal.append(']');
        }
        pendingTimeLayout = null;
        continue;
      }
      pendingTimeLayout = null;
      FormatToken.Field field = field(d, arg, finalValue, originalValue, directive, source);
      if (d == 'U' && layout.startsWith("%q", i)) {
        // "%U%q" is the whole target: %q is "" or "?query", so the two need no separator.
        i += 2;
        field = FormatToken.Field.of(Slot.TARGET, "%U%q");
      }
      if (d == 'v' && layout.startsWith(":%p", i)) {
        i += 3;
        field = FormatToken.Field.of(Slot.SITE, 3, "%v:%p");
      }
      flush(literal, tokens);
      tokens.add(field);
    }
    flush(literal, tokens);
    return new LineFormat(source, tokens, LineFormat.EscapeStyle.BACKSLASH);
  }

  private static TimestampPattern compileTime(String layout, String directive, String source) {
    try {
      return TimestampPattern.strftime(layout);
    } catch (IllegalArgumentException e) {
      throw LineParsers.badFormat(e.getMessage() + " (directive " + directive + ")", source);
    }
  }

  private static void flush(StringBuilder literal, List<FormatToken> tokens) {
    if (literal.length() > 0) {
      tokens.add(new FormatToken.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private static FormatToken.Field field(
      char d, String arg, boolean finalValue, boolean originalValue, String directive, String source) {
    return switch (d) {
      case 'h' -> FormatToken.Field.of(Slot.CLIENT, 1, directive);
      case 'a' -> FormatToken.Field.of(Slot.CLIENT, 2, directive);
      case 'u' -> FormatToken.Field.of(Slot.USER, directive);
      case 'r' -> FormatToken.Field.of(Slot.REQUEST, directive);
      case 'm' -> FormatToken.Field.of(Slot.METHOD, directive);
      case 'U' -> FormatToken.Field.of(Slot.PATH, directive);
      case 'q' -> FormatToken.Field.of(Slot.QUERY_WITH_MARK, directive);
      case 'H' -> FormatToken.Field.of(Slot.PROTOCOL, directive);
      case 's' -> FormatToken.Field.of(Slot.STATUS, finalValue ? 3 : originalValue ? 1 : 2, directive);
      case 'b', 'B' -> FormatToken.Field.of(Slot.BYTES, 2, directive);
      case 'O' -> FormatToken.Field.of(Slot.BYTES, 1, directive);
      case 'v' -> FormatToken.Field.of(Slot.SITE, 3, directive);
      case 'V' -> FormatToken.Field.of(Slot.SITE, 2, directive);
      case 'i' -> header(arg, directive, source);
      case 'o', 'e', 'n', 'C', '^' -> {
        requireArg(arg, directive, source);
        yield FormatToken.Field.of(Slot.IGNORED, directive);
      }
      default -> FormatToken.Field.of(Slot.IGNORED, directive);
    };
  }

  private static FormatToken.Field header(String arg, String directive, String source) {
    requireArg(arg, directive, source);
    return switch (arg.toLowerCase(Locale.ROOT)) {
      case "referer", "referrer" -> FormatToken.Field.of(Slot.REFERER, directive);
      case "user-agent" -> FormatToken.Field.of(Slot.USER_AGENT, directive);
      case "x-forwarded-for" -> FormatToken.Field.of(Slot.FORWARDED_FOR, directive);
      case "host" -> FormatToken.Field.of(Slot.SITE, 1, directive);
      default -> FormatToken.Field.of(Slot.IGNORED, directive);
    };
  }

  private static void requireArg(String arg, String directive, String source) {
    if (arg == null || arg.isEmpty()) {
      throw LineParsers.badFormat(
          "Apache directive " + directive + " needs a {name} argument", source);
    }
  }
}
