package org.geotraffic.parse;

/**
 * Turns a field's character range into a value: absent markers ("-", and "" which nginx's
 * {@code escape=json} writes) and escape decoding.
 *
 * <p>Backslash style (Apache, nginx default): {@code \"} and {@code \\} are decoded; {@code \xhh}
 * and other sequences are kept as written, because decoding them could produce bytes that are not
 * text and nothing downstream needs them. JSON style: the JSON string escapes, &#92;uXXXX
 * included. Stateless.
 */
final class FieldText {
  private FieldText() {}

  /** True for "" and "-". */
  static boolean isAbsent(String line, int start, int end) {
    return start == end || (end - start == 1 && line.charAt(start) == '-');
  }

  /** The decoded value, or null when a JSON escape is invalid. */
  static String value(String line, int start, int end, boolean escaped, LineFormat.EscapeStyle style) {
    if (!escaped) {
      return line.substring(start, end);
    }
    return style == LineFormat.EscapeStyle.JSON
        ? decodeJson(line, start, end)
        : decodeBackslash(line, start, end);
  }

  static String decodeBackslash(String s, int start, int end) {
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < end && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
        b.append(s.charAt(++i));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String decodeJson(String s, int start, int end) {
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i + 1 >= end) {
        return null;
      }
      char e = s.charAt(++i);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 >= end) {
            return null;
          }
          int v = 0;
          for (int k = 1; k <= 4; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
              return null;
            }
            v = v * 16 + d;
          }
          b.append((char) v);
          i += 4;
        }
        default -> {
          return null;
        }
      }
    }
    return b.toString();
  }
}
