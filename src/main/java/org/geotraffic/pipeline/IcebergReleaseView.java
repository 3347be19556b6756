package org.geotraffic.pipeline;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.util.SnapshotUtil;
import org.geotraffic.ledger.TableSnapshots;
import org.geotraffic.privacy.Table;

/**
 * The snapshot of each of a period's Iceberg tables that shows one release in all of them, for a reader that must not
 * mix two (the report).
 *
 * <p>Iceberg's Hadoop catalog has no multi-table commit: a run's fast-forward moves the tables' main one after another
 * and removes its audit branch from each after moving it. A run killed there, or one still going, has its branch at
 * its recorded head in the tables not moved yet: it is half published, and the tables it moved are read at the
 * snapshot before it. Every other table is read at main as loaded here, once, so that a fast-forward running while the
 * reader reads cannot mix releases either. A run whose snapshots were expired, or a table rolled back by hand, keeps no
 * branch, so it is never taken for half published.
 *
 * @param halfPublishedRun the run found half published, or null
 * @param tablesMoved how many tables that run had moved
 * @param snapshots per existing table, the snapshot to read (null: the table has none, no rows)
 */
public record IcebergReleaseView(String halfPublishedRun, int tablesMoved, Map<Table, Long> snapshots) {
  public IcebergReleaseView {
    snapshots = Collections.unmodifiableMap(new HashMap<>(snapshots));
  }

  public static IcebergReleaseView of(IcebergTables tables, List<TableSnapshots> ledger) {
    Map<Table, org.apache.iceberg.Table> loaded = new EnumMap<>(Table.class);
    Map<Table, Long> main = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      if (tables.exists(table)) {
        org.apache.iceberg.Table t = tables.load(table);
        loaded.put(table, t);
        main.put(table, t.currentSnapshot() == null ? null : t.currentSnapshot().snapshotId());
      }
    }
    for (TableSnapshots run : ledger) {
      Map<Table, Long> before = new EnumMap<>(Table.class);
      boolean notMovedYet = false;
      boolean unknownBefore = false;
      for (Map.Entry<Table, org.apache.iceberg.Table> e : loaded.entrySet()) {
        List<Long> ids = run.snapshots().getOrDefault(tables.shortName(e.getKey()), List.of());
        if (ids.isEmpty()) {
          continue;
        }
        org.apache.iceberg.Table t = e.getValue();
        Long mainId = main.get(e.getKey());
        long head = ids.get(0);
        if (mainId != null && (mainId == head || SnapshotUtil.isAncestorOf(t, mainId, head))) {
          Snapshot first = t.snapshot(ids.get(ids.size() - 1));
          unknownBefore |= first == null;
          before.put(e.getKey(), first == null ? null : first.parentId());
        } else {
          SnapshotRef branch = t.refs().get(run.branch());
          notMovedYet |= branch != null && branch.snapshotId() == head;
        }
      }
      if (notMovedYet && !before.isEmpty() && !unknownBefore) {
        Map<Table, Long> pinned = new HashMap<>(main);
        pinned.putAll(before);
        return new IcebergReleaseView(run.runId(), before.size(), pinned);
      }
    }
    return new IcebergReleaseView(null, 0, main);
  }
}
