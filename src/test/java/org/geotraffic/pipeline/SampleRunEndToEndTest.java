package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.geotraffic.cli.GeoTraffic;
import org.geotraffic.geo.mmdb.DemoDatabase;
import org.geotraffic.testsupport.FrameAssertions;
import org.geotraffic.testsupport.JobRuns;
import org.geotraffic.testsupport.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on the bundled sample, end to end through the command line, with the default k=10. The
 * expected numbers were checked against an independent recount (scripts/dev/recount.py: its own regex
 * parser and libmaxminddb's mmdblookup): at k=1 all 51 country and region cells agree exactly.
 */
class SampleRunEndToEndTest {
  @TempDir static Path tmp;
  static Path output;
  static SparkSession spark;
  static String console;
  static int exitCode;

  @BeforeAll
  static void runSample() throws IOException {
    spark = SparkTestSession.get();
    Path db = tmp.resolve("demo-geo.mmdb");
    DemoDatabase.write(db);
    output = tmp.resolve("out");
    JobRuns.Run run = JobRuns.run("run", "--input", "sample-logs", "--output", output.toString(), "--geoip-db", db.toString(),
        "--run-id", "sample-test");
    exitCode = run.exitCode();
    console = run.console();
  }

  private Dataset<Row> table(String name) {
    // Partition discovery would type "date=2026-11-23" as a date; the tables define it as a string.
    return spark.read().parquet(output.resolve(name).toString()).withColumn("date", org.apache.spark.sql.functions.col("date").cast("string"));
  }

  @Test
  void run_exitsZero() {
    assertEquals(0, exitCode, console);
  }

  @Test
  void totals_areExact() {
    List<Row> rows = table("totals").orderBy("date").select("date", "site", "visitors", "pageviews", "hits", "bytes").collectAsList();
    assertEquals(List.of(
        RowFactory.create("2026-11-23", "default", 128L, 335L, 723L, 7410569L),
        RowFactory.create("2026-11-24", "default", 133L, 350L, 766L, 8066659L)), rows);
  }

  @Test
  void countries_areExact_withOtherRow() {
    StructType schema = new StructType().add("date", DataTypes.StringType).add("country", DataTypes.StringType)
        .add("visitors", DataTypes.LongType).add("pageviews", DataTypes.LongType).add("hits", DataTypes.LongType).add("bytes", DataTypes.LongType);
    Dataset<Row> expected = spark.createDataFrame(List.of(
        RowFactory.create("2026-11-23", "(other)", 14L, 30L, 61L, 786825L),
        RowFactory.create("2026-11-23", "DE", 33L, 94L, 208L, 2147071L),
        RowFactory.create("2026-11-23", "GB", 44L, 116L, 257L, 2410306L),
        RowFactory.create("2026-11-23", "US", 37L, 95L, 197L, 2066367L),
        RowFactory.create("2026-11-24", "(other)", 11L, 30L, 66L, 733344L),
        RowFactory.create("2026-11-24", "DE", 32L, 91L, 198L, 2015704L),
        RowFactory.create("2026-11-24", "GB", 48L, 114L, 246L, 2504181L),
        RowFactory.create("2026-11-24", "US", 42L, 115L, 256L, 2813430L)), schema);
    Dataset<Row> actual = table("countries").select("date", "country", "visitors", "pageviews", "hits", "bytes").orderBy("date", "country");
    FrameAssertions.assertSmallDataFrameDataEquals(expected, actual);
  }

  @Test
  void regions_areExact() {
    List<String> rows = table("regions").orderBy("date", "country", "region").collectAsList().stream()
        .map(r -> r.getAs("date") + " " + r.getAs("country") + " " + r.getAs("region") + " " + r.getAs("visitors") + "/"
            + r.getAs("pageviews") + "/" + r.getAs("hits"))
        .toList();
    assertEquals(List.of(
        "2026-11-23 DE (other) 17/50/110", "2026-11-23 DE DE-BY 16/44/98",
        "2026-11-23 GB (other) 16/44/100", "2026-11-23 GB GB-ENG 28/72/157",
        "2026-11-23 US (other) 14/31/66", "2026-11-23 US US-NY 23/64/131",
        "2026-11-24 DE (other) 14/39/83", "2026-11-24 DE DE-BY 18/52/115",
        "2026-11-24 GB (other) 18/40/84", "2026-11-24 GB GB-ENG 30/74/162",
        "2026-11-24 US (other) 15/40/88", "2026-11-24 US US-NY 27/75/168"), rows);
  }

  @Test
  void pages_areExact_andQueryStringsAreGone() {
    List<Row> day = table("pages").filter("date = '2026-11-23'").orderBy("page").collectAsList();
    assertEquals(14, day.size());
    assertEquals("(other)", day.get(0).getAs("page"));
    assertEquals(19L, (long) day.get(0).getAs("visitors"));
    Row widget = day.stream().filter(r -> r.getAs("page").equals("/products/widget")).findFirst().orElseThrow();
    assertEquals(List.of(24L, 26L, 27L, 508418L), List.of(widget.getAs("visitors"), widget.getAs("pageviews"), widget.getAs("hits"), widget.getAs("bytes")));
    assertTrue(table("pages").filter("page like '%?%' or page like '%token%'").isEmpty());
    assertEquals(2, table("pages").select("date").distinct().count());
  }

  @Test
  void everyPublishedRow_hasAtLeastKVisitors_andGroupsAddUp() {
    for (String t : List.of("totals", "countries", "regions", "pages", "page_countries")) {
      assertTrue(table(t).filter("visitors < 10").isEmpty(), t);
    }
    // Published children add up to the published parent, for every additive measure.
    assertTrue(spark.sql("select 1").isEmpty() == false);
    table("totals").createOrReplaceTempView("t");
    table("countries").createOrReplaceTempView("c");
    table("regions").createOrReplaceTempView("r");
    table("pages").createOrReplaceTempView("p");
    table("page_countries").createOrReplaceTempView("pc");
    assertTrue(spark.sql("select t.date from t join (select date, sum(hits) h, sum(pageviews) v, sum(bytes) b, sum(visitors) u from c group by date) c"
        + " on t.date = c.date where t.hits != c.h or t.pageviews != c.v or t.bytes != c.b or t.visitors != c.u").isEmpty());
    assertTrue(spark.sql("select c.date from c join (select date, country, sum(hits) h, sum(pageviews) v, sum(bytes) b from r group by date, country) r"
        + " on c.date = r.date and c.country = r.country where c.hits != r.h or c.pageviews != r.v or c.bytes != r.b").isEmpty());
    assertTrue(spark.sql("select t.date from t join (select date, sum(hits) h, sum(pageviews) v, sum(bytes) b from p group by date) p"
        + " on t.date = p.date where t.hits != p.h or t.pageviews != p.v or t.bytes != p.b").isEmpty());
    assertTrue(spark.sql("select p.date from p join (select date, page, sum(hits) h, sum(pageviews) v from pc group by date, page) pc"
        + " on p.date = pc.date and p.page = pc.page where p.hits != pc.h or p.pageviews != pc.v").isEmpty());
    // Regions are published only under countries published as their own row.
    assertTrue(spark.sql("select * from r left join c on r.date = c.date and r.country = c.country where c.country is null or c.country = '(other)'").isEmpty());
  }

  @Test
  void runSummary_accountsForEveryLine() throws IOException {
    JsonNode s = new ObjectMapper().readTree(output.resolve("_runs/sample-test.json").toFile());
    assertEquals(s, new ObjectMapper().readTree(output.resolve("_runs/latest.json").toFile()));
    assertEquals("succeeded", s.get("status").asText());
    JsonNode lines = s.get("lines");
    assertEquals(1497, lines.get("read").asLong());
    assertEquals(1490, lines.get("accepted").asLong());
    assertEquals(1, lines.get("rejected").get("malformed").asLong());
    assertEquals(1, lines.get("rejected").get("bad-timestamp").asLong());
    assertEquals(1, lines.get("rejected").get("bad-status").asLong());
    assertEquals(1, lines.get("rejected").get("unterminated-quote").asLong());
    assertEquals(1, lines.get("rejected").get("binary").asLong());
    assertEquals(2, lines.get("filtered").get("blank").asLong());
    assertEquals(12, lines.get("bots").asLong());
    assertTrue(lines.get("balanced").asBoolean());
    assertEquals("GeoTraffic-Demo-City", s.get("database").get("type").asText());
    assertEquals(10, s.get("suppression").get("min_visitors").asInt());
    assertEquals(2, s.get("tables").get("totals").get("rows_published").asLong());
    assertEquals(1, s.get("tables").get("totals").get("cells_suppressed").asLong(), "2026-11-25 has one visitor");
    assertTrue(s.get("audit").get("passed").asBoolean());
    assertEquals(0, s.get("audit").get("findings").asInt());
  }

  @Test
  void independentReader_duckDb_seesTheSameNumbers() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select country, visitors, hits from read_parquet('" + output.resolve("countries") + "/*/*.parquet',"
            + " hive_partitioning = true) where date = '2026-11-24' order by country")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3));
      }
      assertEquals(List.of("(other)=11/66", "DE=32/198", "GB=48/246", "US=42/256"), rows);
    }
  }

  /**
   * what-if through the command line: the days are assembled on the executors and collected for the
   * admin's table; the k=2 and k=10 rows are the ones the README shows.
   */
  @Test
  void whatIf_pricesEachThreshold_asTheReadmeShows() throws IOException {
    Path db = tmp.resolve("demo-geo-whatif.mmdb");
    DemoDatabase.write(db);
    JobRuns.Run run = JobRuns.run("what-if", "--input", "sample-logs", "--geoip-db", db.toString(), "--k", "2,10");
    String table = run.console();
    assertEquals(0, run.exitCode(), table);
    assertTrue(table.matches("(?s).*\\n\\s*2\\s+countries\\s+16\\s+3\\s.*"), table);
    // page_countries publishes each country's "(other pages)" row, and hides a country's next cell where that row would
    // leave fewer than k of the country's visitors outside it.
    assertTrue(table.matches("(?s).*\\n\\s*2\\s+page_countries\\s+80\\s+93\\s.*"), table);
    assertTrue(table.matches("(?s).*\\n\\s*10\\s+page_countries\\s+40\\s+133\\s.*"), table);
  }

  /** The sample's HTML report, left in target/browser-fixture/ for tests/browser (docs/sample-report.png). */
  @Test
  void report_writesTheSampleReport_forTheBrowserTest() {
    Path html = Path.of("target", "browser-fixture", "sample-report.html");
    JobRuns.Run run = JobRuns.run("report", "--output", output.toString(), "--html", html.toString());
    assertEquals(0, run.exitCode(), run.console());
    assertTrue(Files.isRegularFile(html), html.toString());
  }

  @Test
  void noClientAddressOrHostName_inAnyFileWritten() throws IOException {
    Set<String> clients = sampleClients();
    assertTrue(clients.size() > 100, "the sample has " + clients.size() + " distinct clients");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String client : clients) {
          if (content.contains(client)) {
            found.add(f.getFileName() + ": a client");
          }
        }
        for (String secret : List.of("s3cr3t", "someone%40example.org", "Firefox/128.0", "Googlebot")) {
          if (content.contains(secret)) {
            found.add(f.getFileName() + ": " + secret);
          }
        }
      }
    }
    for (String client : clients) {
      assertFalse(console.contains(client), "console output holds a client");
    }
    assertEquals(List.of(), found);
  }

  /** Every client field of the sample, and each address of a proxy list, IPv6 in the logged form. */
  private static Set<String> sampleClients() throws IOException {
    Set<String> clients = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("sample-logs/access.log.2026-11-23"), StandardCharsets.UTF_8));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("sample-logs/access.log.2026-11-24.gz")))) {
      lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    }
    for (String line : lines) {
      int end = line.indexOf(" - ");
      if (end > 0) {
        for (String c : line.substring(0, end).split(",")) {
          // Short literals such as "10.1.2.3" could occur inside unrelated numbers; the sample's are unique enough.
          clients.add(c.trim());
        }
      }
    }
    return clients;
  }
}
