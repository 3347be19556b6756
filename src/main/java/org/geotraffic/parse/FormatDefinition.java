package org.geotraffic.parse;

/**
 * What an {@code input.format} value compiles to: something that makes parsers and can say which fields it
 * reads. One kind per parser family: a token format ({@link LineFormat}), a W3C dialect whose columns come from
 * the file ({@link W3cDialect}), a JSON mapping ({@link JsonFields}), or a list of alternatives tried in turn
 * ({@link Alternatives}). Immutable.
 */
sealed interface FormatDefinition permits LineFormat, W3cDialect, JsonFields, FormatDefinition.Alternatives {

  /** A new parser for this format (not thread-safe; one per partition). */
  LineParser newParser(int maxLineLength);

  /** The fields this format reads and skips, for the run summary. */
  InputFields fields();

  /** True when lines depend on earlier lines of the same file (W3C headers): files must not be split. */
  default boolean needsWholeFiles() {
    return false;
  }

  /**
   * Formats tried in turn: a line that the first rejects is read by the second ({@link FallbackLineParser}), for a
   * preset that GoAccess's name covers in two shapes (Classic and Application load balancer lines).
   */
  record Alternatives(FormatDefinition first, FormatDefinition second) implements FormatDefinition {
    @Override
    public LineParser newParser(int maxLineLength) {
      return new FallbackLineParser(first.newParser(maxLineLength), second.newParser(maxLineLength));
    }

    @Override
    public InputFields fields() {
      return first.fields();
    }

    @Override
    public boolean needsWholeFiles() {
      return first.needsWholeFiles() || second.needsWholeFiles();
    }
  }
}
