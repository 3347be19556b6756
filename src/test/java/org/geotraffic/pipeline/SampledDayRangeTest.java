package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.VisitorHasher;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampling job that places days for the visitor shuffle. Runs only for inputs of 32 MiB and more
 * (GeoTrafficJob.SAMPLED_INPUT_BYTES), which no end-to-end test reads, so it is tested here on the bundled sample.
 */
class SampledDayRangeTest {
  @TempDir Path tmp;

  @Test
  void theSampleOfTheBundledLogs_spansTheirDays() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    DatabaseShipment shipped = DatabaseShipment.ship(spark.sparkContext(), db.toFile(), null);
    EnrichSettings settings = EnrichSettings.of(ConfigLoader.load(null, List.of()), shipped.fileName(), shipped.contentId(), null, null,
        VisitorHasher.newRunSecret());
    InputFiles input = InputFiles.resolve(List.of("sample-logs"), new Configuration());
    int[] range = EnrichStage.sampleDayRange(spark, input, settings);
    // Each file is one split; their first lines are of 2026-11-23 and 2026-11-24 (UTC, the default time zone).
    assertArrayEquals(new int[] {(int) LocalDate.parse("2026-11-23").toEpochDay(), (int) LocalDate.parse("2026-11-24").toEpochDay()}, range);
  }
}
