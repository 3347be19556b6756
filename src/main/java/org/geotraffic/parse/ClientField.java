package org.geotraffic.parse;

/**
 * Checks that a client field can be an address: an IP literal (v4, v6, with a zone id or
 * brackets), a host name, or a comma-separated list of these. Which entry is the real client is
 * decided later (geo layer); this only rejects fields that cannot be any of them, such as "-" or
 * a fragment of another field. Stateless.
 */
final class ClientField {
  /** The characters of addresses, host names and lists of them: letters, digits, {@code .:-_%[], } and space. */
  private static final boolean[] CLIENT_CHARS = new boolean[128];

  static {
    for (char c = 0; c < CLIENT_CHARS.length; c++) {
      CLIENT_CHARS[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || ".:-_%[], ".indexOf(c) >= 0;
    }
  }

  private ClientField() {}

  static boolean isPlausible(String s) {
    int n = s.length();
    if (n == 0 || (n == 1 && s.charAt(0) == '-')) {
      return false;
    }
    char first = s.charAt(0);
    if (first == ',' || first == ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= CLIENT_CHARS.length || !CLIENT_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The client field of a format that always writes {@code address:port} ({@link
   * FormatTraits.ClientForm#ADDRESS_AND_PORT}) without the port: the text before the last colon when one to five
   * digits follow it. IPv6 without brackets ({@code 2001:db8::1:51234}) can only be read this way, since the
   * address alone may end in digits too; brackets ({@code [2001:db8::1]:443}) are kept for the address parser.
   * A field without such a port is returned as it is.
   */
  static String withoutPort(String s) {
    int colon = s.lastIndexOf(':');
    int digits = s.length() - colon - 1;
    if (colon <= 0 || digits < 1 || digits > 5) {
      return s;
    }
    for (int i = colon + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return s;
      }
    }
    return s.substring(0, colon);
  }

  /**
   * A client prefix that spans several address tokens ({@code "a, b" c}, {@code a, b c}: proxy
   * lists that nginx or a load balancer wrote before the peer address), rewritten as one list
   * {@code a, b, c}. Quotes are dropped; runs of spaces and commas become ", ".
   */
  static String joinedList(String line, int start, int end) {
    StringBuilder b = new StringBuilder(end - start + 4);
    boolean pendingSeparator = false;
    for (int i = start; i < end; i++) {
      char c = line.charAt(i);
      if (c == '"') {
        continue;
      }
      if (c == ' ' || c == ',') {
        pendingSeparator = b.length() > 0;
        continue;
      }
      if (pendingSeparator) {
        b.append(", ");
        pendingSeparator = false;
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * True when the text is IP literals separated by spaces, commas or quotes: host names are not
   * accepted here, so a vhost name before the client ("vhost1.example.org 1.2.3.4 - - ...") is not
   * mistaken for a proxy list.
   */
  static boolean isAddressListText(String line, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = line.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.' || c == ':' || c == '%' || c == '[' || c == ']'
              || c == ',' || c == ' ' || c == '"';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
