package org.geotraffic.privacy.bench;

import java.io.File;
import java.io.FileOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.config.JobConfig;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.pipeline.AggregateStage;
import org.geotraffic.pipeline.DatabaseShipment;
import org.geotraffic.pipeline.EnrichStage;
import org.geotraffic.pipeline.InputFiles;
import org.geotraffic.privacy.UnsuppressedDay;

/**
 * Dev main, not a test: aggregates a log with the default config and Java-serializes the
 * {@link UnsuppressedDay}s, the input of the privacy stage, for {@link SuppressBench}.
 *
 * <p>Usage: DumpDays &lt;log&gt; &lt;geo.mmdb&gt; &lt;out.ser&gt;. Days hold aggregates only.
 */
public final class DumpDays {
  private DumpDays() {}

  public static void main(String[] args) throws Exception {
    String log = args[0];
    File db = new File(args[1]);
    File out = new File(args[2]);
    JobConfig config = ConfigLoader.load(null, List.of());
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("dump-days")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate();
    try {
      DatabaseShipment shipped = DatabaseShipment.ship(spark.sparkContext(), db, null);
      EnrichSettings settings = EnrichSettings.of(config, shipped.fileName(), shipped.contentId(), null, null, VisitorHasher.newRunSecret());
      InputFiles input = InputFiles.resolve(List.of(log), spark.sparkContext().hadoopConfiguration());
      EnrichStage.Enriched enriched = EnrichStage.enrich(spark, input, settings, org.geotraffic.config.Period.DAY, null);
      AggregateStage.Aggregates aggregates = AggregateStage.aggregate(spark, enriched.cells(), AggregateStage.placement(spark, null, null));
      List<UnsuppressedDay> days = new ArrayList<>(aggregates.days().collect());
      try (ObjectOutputStream o = new ObjectOutputStream(new FileOutputStream(out))) {
        o.writeObject(days);
      }
      for (UnsuppressedDay d : days) {
        System.out.printf("%s %s: %d countries, %d pages, %d page groups%n", d.date(), d.site(),
            d.countries().children().size(), d.pages().children().size(), d.countriesByPage().size());
      }
    } finally {
      spark.stop();
    }
  }
}
