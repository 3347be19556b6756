package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a preset's {@link LineFormat} from its vendor's documented field list, field by field, with the vendor's
 * field names (they name the skipped fields in the run summary). Used where a layout cannot be written as an
 * Apache or nginx format string: load balancer, proxy and storage logs. Single use, not thread-safe.
 */
final class FormatBuilder {
  private final String name;
  private final List<FormatToken> tokens = new ArrayList<>();

  /** @param name the preset's name, as {@code input.format} writes it */
  FormatBuilder(String name) {
    this.name = name;
  }

  /** Text the line has here verbatim. */
  FormatBuilder text(String literal) {
    tokens.add(new FormatToken.Literal(literal));
    return this;
  }

  /** A field that fills {@code slot}. */
  FormatBuilder field(Slot slot, String vendorName) {
    tokens.add(FormatToken.Field.of(slot, vendorName));
    return this;
  }

  /** A field that fills {@code slot}, delimited as {@code shape} says. */
  FormatBuilder field(Slot slot, String vendorName, FormatToken.Shape shape) {
    tokens.add(FormatToken.Field.of(slot, vendorName).shaped(shape));
    return this;
  }

  /** The time field. */
  FormatBuilder time(TimestampPattern pattern, String vendorName) {
    tokens.add(FormatToken.Field.time(pattern, vendorName));
    return this;
  }

  /** A field read over and not used. */
  FormatBuilder skip(String vendorName) {
    return field(Slot.IGNORED, vendorName);
  }

  /** A field read over and not used, delimited as {@code shape} says. */
  FormatBuilder skip(String vendorName, FormatToken.Shape shape) {
    return field(Slot.IGNORED, vendorName, shape);
  }

  /** Fields separated by single spaces, each read over and not used. */
  FormatBuilder skipSpaced(String... vendorNames) {
    for (int i = 0; i < vendorNames.length; i++) {
      if (i > 0) {
        text(" ");
      }
      skip(vendorNames[i]);
    }
    return this;
  }

  LineFormat build(FormatTraits traits) {
    return new LineFormat(name, tokens, LineFormat.EscapeStyle.BACKSLASH, traits);
  }
}
