package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.Comparator;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;

/**
 * The records the enrich stage hands to the visitor shuffle: derived values only, each record one byte array that
 * Spark ships as it is (written by {@link RecordWriter}). Two kinds: a visitor cell ({@link VisitorCell}) and a
 * line tally ({@link LineTally}).
 *
 * <pre>
 *   [0]        kind: {@link #CELL} or {@link #TALLY}
 *   [1, 5)     day (int; a tally: 0)           } [1, 9) read as one long is the sort key:
 *   [5, 13)    visitor id (long; a tally: 0)   } the day, then the visitor id's high 32 bits
 *   a cell:    hits, pageviews, bytes, slice + 1 (varints); site, country, region, page (strings)
 *   a tally:   outcome ({@link LineOutcome#index()}), geo source (ordinal + 1, 0: none), bot (0/1): one byte each; lines (varint)
 * </pre>
 *
 * <p>A hand-written encoding rather than Rows or Java objects: Spark copies the array into its shuffle files as it
 * is, and the reduce side reads fields straight from it into one reused {@link VisitorCell} (docs/benchmark.md
 * has the measurements).
 */
public final class VisitorCellRecords {
  static final byte CELL = 0;
  static final byte TALLY = 1;
  private static final int DAY_OFFSET = 1;
  private static final int VISITOR_OFFSET = 5;

  private VisitorCellRecords() {}

  public static boolean isTally(byte[] record) {
    return record[0] == TALLY;
  }

  /**
   * A record as what it holds: a {@link VisitorCell} or a {@link LineTally}. Fails unless every byte of the record
   * belongs to one of their fields (what the privacy tests rely on: a record carries nothing else).
   */
  public static Object decode(byte[] record) {
    Reader reader = new Reader();
    return isTally(record) ? reader.tally(record) : reader.cell(record, new VisitorCell());
  }

  /** A visitor cell's record. */
  public static byte[] encode(VisitorCell cell) {
    return new Writer().cell(cell);
  }

  static int day(byte[] record) {
    return RecordBytes.intAt(record, DAY_OFFSET);
  }

  static long visitor(byte[] record) {
    return RecordBytes.longAt(record, VISITOR_OFFSET);
  }

  /** The day, then the visitor id's high 32 bits: {@link org.geotraffic.aggregate.VisitorTables#sortKey}. */
  static long sortKey(byte[] record) {
    return RecordBytes.longAt(record, DAY_OFFSET);
  }

  /** Orders records by {@link #sortKey}, the order {@link org.geotraffic.aggregate.VisitorTables} needs. */
  static final class BySortKey implements Comparator<byte[]>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(byte[] a, byte[] b) {
      return Long.compare(sortKey(a), sortKey(b));
    }
  }

  /** Writes cells and tallies; each call returns a new record. Not thread-safe: one per task. */
  static final class Writer {
    private final RecordWriter out = new RecordWriter();
    // Site, country and region repeat from line to line: each is encoded once per change.
    private final LastUtf8 site = new LastUtf8();
    private final LastUtf8 country = new LastUtf8();
    private final LastUtf8 region = new LastUtf8();

    byte[] cell(VisitorCell c) {
      return out.putByte(CELL).putInt(c.day).putLong(c.visitor)
          .putVarLong(c.hits).putVarLong(c.pageviews).putVarLong(c.bytes).putVarLong(c.slice + 1L)
          .putUtf8(site.of(c.site)).putUtf8(country.of(c.country)).putUtf8(region.of(c.region)).putString(c.page)
          .finish();
    }

    byte[] tally(LineTally t) {
      return out.putByte(TALLY).putInt(0).putLong(0L)
          .putByte(t.outcome().index()).putByte(t.geoSource() == null ? 0 : t.geoSource().ordinal() + 1).putByte(t.bot() ? 1 : 0)
          .putVarLong(t.lines())
          .finish();
    }
  }

  /** Reads records back; strings come from one {@link SharedStrings}. Not thread-safe: one per task. */
  static final class Reader {
    private static final GeoSource[] GEO_SOURCES = GeoSource.values();
    private final RecordReader in = new RecordReader(new SharedStrings());

    /** Reads a cell record into {@code into}. */
    VisitorCell cell(byte[] record, VisitorCell into) {
      in.of(record).getByte();
      int day = in.getInt();
      long visitor = in.getLong();
      long hits = in.getVarLong();
      long pageviews = in.getVarLong();
      long bytes = in.getVarLong();
      int slice = (int) (in.getVarLong() - 1);
      into.set(day, in.getString(), in.getString(), in.getString(), in.getString(), visitor, hits, pageviews, bytes).inSlice(slice);
      in.requireEnd();
      return into;
    }

    LineTally tally(byte[] record) {
      in.of(record).getByte();
      in.getInt();
      in.getLong();
      LineOutcome outcome = LineOutcome.ofIndex(in.getByte());
      int geo = in.getByte();
      boolean bot = in.getByte() == 1;
      LineTally t = new LineTally(outcome, geo == 0 ? null : GEO_SOURCES[geo - 1], bot, in.getVarLong());
      in.requireEnd();
      return t;
    }
  }
}
