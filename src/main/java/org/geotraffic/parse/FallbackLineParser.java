package org.geotraffic.parse;

/**
 * Two parsers in turn: the second reads a line only when the first rejects it, so lines of the first shape cost
 * what they cost before. A line the second accepts is accepted. Otherwise the reason is the first's, unless the
 * first could not read the line's shape at all ({@link RejectReason#MALFORMED}, or {@link
 * RejectReason#BAD_TIMESTAMP} where its timestamp should start): then the line is a bad line of the second shape
 * and gets the second's reason (an Application Load Balancer's TCP line is a bad request, not a bad timestamp).
 * Not thread-safe, like the parsers it holds.
 */
final class FallbackLineParser implements LineParser {
  private final LineParser first;
  private final LineParser second;

  FallbackLineParser(LineParser first, LineParser second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public ParseResult parse(String line) {
    return parse(line, false);
  }

  @Override
  public ParseResult parse(String line, boolean printableAscii) {
    ParseResult r = first.parse(line, printableAscii);
    if (r.rejectReason() == null) {
      return r;
    }
    ParseResult other = second.parse(line, printableAscii);
    boolean firstShapeFailed = r.rejectReason() == RejectReason.MALFORMED || r.rejectReason() == RejectReason.BAD_TIMESTAMP;
    return other.isAccepted() || firstShapeFailed ? other : r;
  }

  @Override
  public void startFile() {
    first.startFile();
    second.startFile();
  }

  /** The lines either parser caught in its safety net; for tests. */
  long internalErrors() {
    return InternalErrors.of(first) + InternalErrors.of(second);
  }
}
