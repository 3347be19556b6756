package org.geotraffic.parse;

/**
 * Turns one log line into a {@link ParseResult}. Never throws on any input: bad data is a reject
 * reason, not an exception.
 *
 * <p>Instances are not thread-safe (a parser may keep state, such as the current W3C "#Fields:"
 * header); create one per partition. {@link #startFile()} is called before the first line of each
 * input file.
 */
public interface LineParser {

  ParseResult parse(String line);

  /**
   * {@link #parse(String)} for a line known to hold printable ASCII only ({@link PrintableAscii}, from its bytes)
   * when printableAscii is true: a parser may then skip its control-character check. Same result either way.
   */
  default ParseResult parse(String line, boolean printableAscii) {
    return parse(line);
  }

  /** Resets per-file state (W3C headers). The default does nothing. */
  default void startFile() {}
}
