import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Checks the outcome of a geotraffic run, because an exit code alone proves nothing under spark-submit
 * (a FAILED driver in cluster deploy mode still exits 0). Run with the Spark classpath, by the Java
 * source launcher:
 *
 * <pre>java -cp "$(cat target/spark-classpath.txt)" scripts/cluster-check.java OUTPUT RUN_ID [EXPECTED_TOTALS_ROWS]</pre>
 *
 * Passes (exit 0) when {@code OUTPUT/_runs/RUN_ID.json} says status "succeeded" and the Parquet files
 * under {@code OUTPUT/totals/} hold exactly the rows the summary reports as published (and
 * EXPECTED_TOTALS_ROWS, when given). Rows are counted from the Parquet footers, so nothing is read but
 * metadata; the output is counts and paths only.
 */
public final class ClusterCheck {
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("Usage: cluster-check.java OUTPUT RUN_ID [EXPECTED_TOTALS_ROWS]");
      System.exit(2);
    }
    File output = new File(args[0]);
    File summaryFile = new File(output, "_runs/" + args[1] + ".json");
    List<String> problems = new ArrayList<>();
    if (!summaryFile.isFile()) {
      fail("Cannot check run: no run summary, " + summaryFile);
    }
    JsonNode summary = new ObjectMapper().readTree(summaryFile);
    String status = summary.path("status").asText();
    if (!status.equals("succeeded")) {
      problems.add("run summary status is '" + status + "', expected 'succeeded' (exit_reason: "
          + summary.path("exit_reason").asText("none") + ")");
    }
    long reported = summary.path("tables").path("totals").path("rows_published").asLong(-1);
    List<File> files = new ArrayList<>();
    collectParquet(new File(output, "totals"), files);
    long counted = 0;
    Configuration conf = new Configuration();
    for (File f : files) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(f.toURI()), conf))) {
        counted += reader.getRecordCount();
      }
    }
    if (files.isEmpty()) {
      problems.add("no Parquet files under " + new File(output, "totals"));
    }
    if (counted != reported) {
      problems.add("totals Parquet holds " + counted + " rows, the run summary reports " + reported);
    }
    if (args.length == 3 && counted != Long.parseLong(args[2])) {
      problems.add("totals Parquet holds " + counted + " rows, expected " + args[2]);
    }
    if (!problems.isEmpty()) {
      fail("Cannot confirm run " + args[1] + ": " + String.join("; ", problems));
    }
    System.out.printf("cluster-check: run %s succeeded; totals: %d rows in %d Parquet files; lines read %d, accepted %d%n", args[1],
        counted, files.size(), summary.path("lines").path("read").asLong(), summary.path("lines").path("accepted").asLong());
  }

  private static void collectParquet(File dir, List<File> into) {
    File[] children = dir.listFiles();
    if (children == null) {
      return;
    }
    for (File c : children) {
      // Hidden and underscore entries are staging or metadata, not published data (Spark's own rule).
      if (c.getName().startsWith(".") || c.getName().startsWith("_")) {
        continue;
      }
      if (c.isDirectory()) {
        collectParquet(c, into);
      } else if (c.getName().endsWith(".parquet")) {
        into.add(c);
      }
    }
  }

  private static void fail(String message) {
    System.err.println("cluster-check: " + message);
    System.exit(1);
  }
}
