package org.geotraffic.pipeline;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import org.geotraffic.aggregate.LineTally;
import org.geotraffic.aggregate.PartialTable;
import org.geotraffic.aggregate.VisitorTables;
import org.geotraffic.enrich.GeoSource;
import org.geotraffic.enrich.LineOutcome;

/**
 * The records the visitor shuffle's reduce side hands to the day assembly: partial table cells
 * ({@link VisitorTables.TableCell}) and the partitions' line tallies, each record one byte array (written by
 * {@link RecordWriter}) that Spark ships as it is.
 *
 * <pre>
 *   [0]        kind: {@link #TABLE_CELL} or {@link #TALLY}
 *   [1, 5)     day (int; a tally: 0)
 *   [5, 9)     slice + 1 (int; 0: the day's own tables, else one slice's: {@link org.geotraffic.aggregate.Slices}; a tally: 0)
 *   a cell:    table (one byte: its {@link PartialTable} ordinal), site, key1, key2 (strings); visitors, hits, pageviews, bytes
 *              (varints)
 *   a tally:   outcome ({@link LineOutcome#index()}), geo source (ordinal + 1, 0: none), bot (0/1): one byte each; lines (varint)
 * </pre>
 */
final class PartialTableRecords {
  static final byte TABLE_CELL = 0;
  static final byte TALLY = 1;
  private static final PartialTable[] TABLES = PartialTable.values();
  private static final int DAY_OFFSET = 1;
  private static final int SLICE_OFFSET = 5;
  /** Where a cell's site starts: after kind, day, slice and table. */
  private static final int SITE_OFFSET = 10;

  private PartialTableRecords() {}

  static boolean isTally(byte[] record) {
    return record[0] == TALLY;
  }

  static int day(byte[] record) {
    return RecordBytes.intAt(record, DAY_OFFSET);
  }

  /**
   * Orders records by day, then site, then slice (the day's own tables first), tallies before the cells of their day:
   * each (day, site) of a partition is then contiguous, as {@link DayPartition} needs, and within it each slice's
   * cells, so that DayPartition assembles one table at a time. Unordered by slice, a week's task held its eight
   * assemblers (the week's and its seven days') at once: about 500 MB at 7M benchmark lines, in back-to-back full
   * collections at a 1 GiB heap (the day assembly stage of the week next to its days: 97 s wall, 45 s of it GC).
   */
  static final class ByDayAndSite implements Comparator<byte[]>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(byte[] a, byte[] b) {
      int c = Integer.compare(day(a), day(b));
      if (c != 0) {
        return c;
      }
      c = Byte.compare(b[0], a[0]);
      if (c != 0 || isTally(a)) {
        return c;
      }
      // The site as written, its length first: equal sites compare equal, different ones in a fixed order (which
      // order does not matter, only that each site's records are contiguous).
      c = Arrays.compareUnsigned(a, SITE_OFFSET, siteEnd(a), b, SITE_OFFSET, siteEnd(b));
      return c != 0 ? c : Integer.compare(RecordBytes.intAt(a, SLICE_OFFSET), RecordBytes.intAt(b, SLICE_OFFSET));
    }

    /** Where the site's bytes end: after its varint of length + 1 and its UTF-8 bytes. */
    private static int siteEnd(byte[] record) {
      int position = SITE_OFFSET;
      int length = 0;
      for (int shift = 0; ; shift += 7) {
        byte x = record[position++];
        length |= (x & 0x7F) << shift;
        if (x >= 0) {
          return position + Math.max(0, length - 1);
        }
      }
    }
  }

  /** Writes cells and tallies; each call returns a new record. Not thread-safe: one per task. */
  static final class Writer {
    private final RecordWriter out = new RecordWriter();
    private final LastUtf8 site = new LastUtf8();

    byte[] cell(VisitorTables.TableCell c) {
      return out.putByte(TABLE_CELL).putInt(c.day()).putInt(c.slice() + 1).putByte(c.table().ordinal())
          .putUtf8(site.of(c.site())).putString(c.key1()).putString(c.key2())
          .putVarLong(c.visitors()).putVarLong(c.hits()).putVarLong(c.pageviews()).putVarLong(c.bytes())
          .finish();
    }

    byte[] tally(LineTally t) {
      return out.putByte(TALLY).putInt(0).putInt(0)
          .putByte(t.outcome().index()).putByte(t.geoSource() == null ? 0 : t.geoSource().ordinal() + 1).putByte(t.bot() ? 1 : 0)
          .putVarLong(t.lines())
          .finish();
    }
  }

  /** Reads records back; strings come from one {@link SharedStrings}. Not thread-safe: one per task. */
  static final class Reader {
    private static final GeoSource[] GEO_SOURCES = GeoSource.values();
    private final RecordReader in = new RecordReader(new SharedStrings());

    VisitorTables.TableCell cell(byte[] record) {
      in.of(record).getByte();
      int day = in.getInt();
      int slice = in.getInt() - 1;
      PartialTable table = TABLES[in.getByte()];
      String site = in.getString();
      // A page set seldom repeats within a partition: it is not worth keeping among the shared strings.
      String key1 = table == PartialTable.PAGE_SETS ? in.getOwnString() : in.getString();
      String key2 = in.getString();
      VisitorTables.TableCell c = new VisitorTables.TableCell(table, day, site, key1, key2, in.getVarLong(), in.getVarLong(), in.getVarLong(),
          in.getVarLong(), slice);
      in.requireEnd();
      return c;
    }

    LineTally tally(byte[] record) {
      in.of(record).getByte();
      in.getInt();
      in.getInt();
      LineOutcome outcome = LineOutcome.ofIndex(in.getByte());
      int geo = in.getByte();
      boolean bot = in.getByte() == 1;
      LineTally t = new LineTally(outcome, geo == 0 ? null : GEO_SOURCES[geo - 1], bot, in.getVarLong());
      in.requireEnd();
      return t;
    }
  }
}
