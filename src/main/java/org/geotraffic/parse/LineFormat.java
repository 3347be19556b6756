package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A log format compiled to a list of literal and field tokens, checked so that a line scanner can
 * read it left to right without backtracking: adjacent literals are merged, two fields must be
 * separated by a literal unless the first is a self-delimiting timestamp, and the format must carry
 * a client, a time and a status.
 *
 * @param source the {@code input.format} value, quoted in error messages (it is config, not data)
 * @param tokens the tokens in line order
 * @param escapes how backslash escapes inside quoted fields are decoded
 * @param traits what the format knows beyond its tokens (trailing fields, prefixes, client form)
 */
record LineFormat(String source, List<FormatToken> tokens, EscapeStyle escapes, FormatTraits traits)
    implements FormatDefinition {

  /** How quoted field values are decoded. */
  enum EscapeStyle {
    /** Apache and nginx: {@code \"} and {@code \\} are decoded, {@code \xhh} is kept as written. */
    BACKSLASH,
    /** nginx {@code escape=json}: JSON string escapes, &#92;uXXXX included; "" means absent. */
    JSON
  }

  private static final Set<Slot> REQUIRED = EnumSet.of(Slot.CLIENT, Slot.TIME, Slot.STATUS);

  /** A format read exactly as written ({@link FormatTraits#EXACT}): user format strings. */
  LineFormat(String source, List<FormatToken> tokens, EscapeStyle escapes) {
    this(source, tokens, escapes, FormatTraits.EXACT);
  }

  LineFormat {
    tokens = mergeLiterals(tokens);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i) instanceof FormatToken.Field a
          && tokens.get(i + 1) instanceof FormatToken.Field b
          && a.time() == null) {
        throw LineParsers.badFormat(
            "directives " + a.directive() + " and " + b.directive() + " have no separator", source);
      }
    }
    EnumSet<Slot> present = EnumSet.noneOf(Slot.class);
    for (FormatToken t : tokens) {
      if (t instanceof FormatToken.Field f) {
        present.add(f.slot());
        if (f.time() != null && f.slot() == Slot.TIME && !f.time().isComplete()) {
          throw LineParsers.badFormat(
              "time directive " + f.directive() + " does not fix a date (needs year, month and day)",
              source);
        }
      }
    }
    for (Slot required : REQUIRED) {
      if (!present.contains(required)) {
        throw LineParsers.badFormat("no " + describe(required) + " directive", source);
      }
    }
  }

  /** This format with other traits. */
  LineFormat withTraits(FormatTraits newTraits) {
    return new LineFormat(source, tokens, escapes, newTraits);
  }

  @Override
  public LineParser newParser(int maxLineLength) {
    return new TokenLineParser(this, maxLineLength);
  }

  /**
   * The fields the job uses and those it reads over, by the name the format gives them ({@code %l}, {@code
   * $server}, {@code elb}), in line order: names from the configuration or a preset, never values. A field that
   * loses to another of the same meaning ({@code %h} beside {@code %a}) counts as skipped.
   */
  @Override
  public InputFields fields() {
    int[] winner = TokenLineParser.winners(tokens);
    List<String> used = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i) instanceof FormatToken.Field f) {
        boolean fills = f.slot() != Slot.IGNORED && winner[f.slot().ordinal()] == i;
        (fills ? used : skipped).add(f.directive());
      }
    }
    return new InputFields(used, skipped, traits.trailingFields(), false);
  }

  private static String describe(Slot slot) {
    return switch (slot) {
      case CLIENT -> "client address (%h, %a, $remote_addr)";
      case TIME -> "time (%t, %{format}t, $time_local, $time_iso8601, $msec)";
      default -> "status (%>s, %s, $status)";
    };
  }

  private static List<FormatToken> mergeLiterals(List<FormatToken> in) {
    List<FormatToken> out = new ArrayList<>(in.size());
    for (FormatToken t : in) {
      if (t instanceof FormatToken.Literal l
          && !out.isEmpty()
          && out.get(out.size() - 1) instanceof FormatToken.Literal prev) {
        out.set(out.size() - 1, new FormatToken.Literal(prev.text() + l.text()));
      } else {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }
}
