package org.geotraffic.pipeline;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.geotraffic.aggregate.LineTallies;
import org.geotraffic.aggregate.VisitorCell;
import org.geotraffic.aggregate.VisitorTables;
import scala.Tuple2;

/**
 * The reduce side over a partition of the visitor shuffle ({@link VisitorCellRecords}, sorted by their sort key):
 * partial regions, page_countries and page set cells ({@link VisitorTables}) and the partition's line tallies, as
 * {@link PartialTableRecords} (the keys; there are no values). Partitions' records add up to the tables (their
 * visitor sets are disjoint).
 */
final class VisitorTablesPartition implements PairFlatMapFunction<Iterator<Tuple2<byte[], Void>>, byte[], Void> {
  private static final long serialVersionUID = 1L;

  @Override
  public Iterator<Tuple2<byte[], Void>> call(Iterator<Tuple2<byte[], Void>> records) {
    VisitorTables tables = new VisitorTables();
    VisitorCellRecords.Reader in = new VisitorCellRecords.Reader();
    VisitorCell cell = new VisitorCell();
    LineTallies tallies = new LineTallies();
    PartialTableRecords.Writer out = new PartialTableRecords.Writer();
    Iterator<VisitorTables.TableCell> cells = new PartitionOutput<Tuple2<byte[], Void>, VisitorTables.TableCell>(records, r -> {
      byte[] record = r._1();
      if (VisitorCellRecords.isTally(record)) {
        tallies.add(in.tally(record));
        return List.of();
      }
      return tables.add(in.cell(record, cell));
    }, tables::finish);
    Iterator<Tuple2<byte[], Void>> cellRecords = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return cells.hasNext();
      }

      @Override
      public Tuple2<byte[], Void> next() {
        return new Tuple2<>(out.cell(cells.next()), null);
      }
    };
    return new FollowedBy<>(cellRecords, () -> tallies.list().stream().map(t -> new Tuple2<byte[], Void>(out.tally(t), null)).iterator());
  }
}
