package org.geotraffic.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotraffic.config.ConfigException;
import org.geotraffic.config.ConfigLoader;
import org.geotraffic.config.ExitCode;
import org.geotraffic.config.JobConfig;
import org.geotraffic.enrich.ClientLocator;
import org.geotraffic.enrich.EnrichSettings;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoDatabaseException;
import org.geotraffic.geo.GeoLocation;

/**
 * {@code geotraffic lookup --geoip-db FILE [--config FILE] [--set key=value]...}: an operator's tool, not part of
 * the job. Reads one client (IP literal or host name) per line from standard input and prints {@code
 * client<TAB>country<TAB>region<TAB>source} for each, located exactly as the job locates clients (internal networks,
 * database, special ranges; host-name suffixes), without Spark and without DNS. It echoes what the operator typed
 * in, to the operator's terminal; it writes nothing else anywhere. Used by {@code scripts/dev/compare-mmdblookup}.
 */
final class LookupCommand {
  static final String USAGE = """
      Usage: geotraffic lookup --geoip-db FILE [--config FILE] [--set key=value]...
        Reads one client (IP address or host name) per line on stdin; prints client, country, region and how the
        location was found (database, not-in-database, special-internal, host-name, ...), tab-separated.
        A line that is neither an IP address nor a host name prints (invalid) as its source.
      """;

  private LookupCommand() {}

  static int run(String[] args, InputStream in, PrintStream out, PrintStream console) {
    String db = null;
    String config = null;
    List<String> sets = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
      switch (a) {
        case "-h", "--help" -> {
          console.print(USAGE);
          return ExitCode.OK.code();
        }
        case "--geoip-db", "--config", "--set" -> {
          if (!hasValue) {
            console.println("geotraffic: " + a + " needs a value");
            console.print(USAGE);
            return ExitCode.USAGE_OR_CONFIG.code();
          }
          String v = args[++i];
          if (a.equals("--geoip-db")) {
            db = v;
          } else if (a.equals("--config")) {
            config = v;
          } else {
            sets.add(v);
          }
        }
        default -> {
          console.println("geotraffic: unknown option '" + a + "'");
          console.print(USAGE);
          return ExitCode.USAGE_OR_CONFIG.code();
        }
      }
    }
    if (db == null) {
      console.println("geotraffic: missing --geoip-db");
      console.print(USAGE);
      return ExitCode.USAGE_OR_CONFIG.code();
    }
    JobConfig jobConfig;
    try {
      jobConfig = ConfigLoader.load(config == null ? null : Path.of(config), sets);
    } catch (ConfigException e) {
      console.println("geotraffic: Cannot load configuration:");
      e.problems().forEach(p -> console.println("  - " + p));
      return ExitCode.USAGE_OR_CONFIG.code();
    }
    File file = new File(db);
    try (GeoDatabase database = GeoDatabase.open(file, jobConfig.geoFields())) {
      console.println("geotraffic: database " + database.info().type() + " (" + database.info().schema() + ") built "
          + database.info().buildDate());
      ClientLocator locator = ClientLocator.create(EnrichSettings.of(jobConfig, file.getName(), null, null, new byte[32]), database);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String client = line.strip();
        if (client.isEmpty()) {
          continue;
        }
        GeoLocation location = locator.locate(client);
        if (location == null) {
          out.println(client + "\t" + GeoLocation.UNKNOWN + "\t" + GeoLocation.UNKNOWN + "\t(invalid)");
        } else {
          out.println(client + "\t" + location.country() + "\t" + location.region() + "\t" + locator.lastSource().key());
        }
      }
      out.flush();
      return out.checkError() ? ExitCode.INPUT_OR_OUTPUT.code() : ExitCode.OK.code();
    } catch (GeoDatabaseException e) {
      console.println("geotraffic: " + e.getMessage());
      return ExitCode.GEO_DATABASE.code();
    } catch (IOException e) {
      console.println("geotraffic: Cannot read standard input: " + e.getMessage());
      return ExitCode.INPUT_OR_OUTPUT.code();
    }
  }
}
