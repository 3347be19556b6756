package org.geotraffic.parse;

/**
 * One element of a compiled log format: text that must appear verbatim, or a field that fills a
 * {@link Slot}.
 */
sealed interface FormatToken permits FormatToken.Literal, FormatToken.Field {

  /** Text the line must contain at this point, byte for byte. */
  record Literal(String text) implements FormatToken {
    public Literal {
      if (text.isEmpty()) {
        throw new IllegalArgumentException("empty literal");
      }
    }
  }

  /**
   * A field.
   *
   * @param slot what the field means
   * @param priority when several fields fill one slot, the highest priority wins (ties: the first);
   *     the losers are read over and ignored
   * @param time the layout for a timestamp field, else null
   * @param directive the directive as the user wrote it ({@code %h}, {@code $remote_addr}), for
   *     messages
   */
  record Field(Slot slot, int priority, TimestampPattern time, String directive)
      implements FormatToken {

    static Field of(Slot slot, String directive) {
      return new Field(slot, 1, null, directive);
    }

    static Field of(Slot slot, int priority, String directive) {
      return new Field(slot, priority, null, directive);
    }

    static Field time(TimestampPattern pattern, String directive) {
      return new Field(Slot.TIME, 1, pattern, directive);
    }
  }
}
