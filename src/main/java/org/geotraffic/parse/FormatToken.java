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

  /** How a field's value is delimited beyond the literals around it. */
  enum Shape {
    /** The value runs to the next literal (or is quoted by the literals around it). */
    DELIMITED,
    /**
     * The value is either a double-quoted string (backslash escapes) or a bare word: Amazon S3 writes its request,
     * referer and user agent quoted, and a bare {@code -} when there is none.
     */
    OPTIONALLY_QUOTED,
    /** Spaces before the value are padding (Squid's right-aligned elapsed time), not part of it. */
    SPACE_PADDED
  }

  /**
   * A field.
   *
   * @param slot what the field means
   * @param priority when several fields fill one slot, the highest priority wins (ties: the first);
   *     the losers are read over and ignored
   * @param time the layout for a timestamp field, else null
   * @param directive the directive as the user wrote it ({@code %h}, {@code $remote_addr}) or the vendor's
   *     field name for a preset ({@code client:port}), for messages and the run summary
   * @param shape how the value is delimited
   */
  record Field(Slot slot, int priority, TimestampPattern time, String directive, Shape shape)
      implements FormatToken {

    static Field of(Slot slot, String directive) {
      return new Field(slot, 1, null, directive, Shape.DELIMITED);
    }

    static Field of(Slot slot, int priority, String directive) {
      return new Field(slot, priority, null, directive, Shape.DELIMITED);
    }

    static Field time(TimestampPattern pattern, String directive) {
      return new Field(Slot.TIME, 1, pattern, directive, Shape.DELIMITED);
    }

    /** This field with another shape. */
    Field shaped(Shape newShape) {
      return new Field(slot, priority, time, directive, newShape);
    }
  }
}
