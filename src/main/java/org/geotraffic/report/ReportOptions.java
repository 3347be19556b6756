package org.geotraffic.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.geotraffic.config.OutputFormat;
import org.geotraffic.config.OutputTarget;
import org.geotraffic.config.Period;

/**
 * The {@code report} command line: {@code report --output DIR --html FILE [--csv DIR] [--period day|week|month]
 * [--from D1 --to D2] [--site S]}. Dates are ISO strings, null when open.
 *
 * @param output the job's output directory (published tables and {@code _runs/})
 * @param html the HTML file to write
 * @param csvDir folder for the CSV files, or null for none
 * @param period which release the report shows: the daily tables, or the weekly or monthly ones
 * @param from first date (inclusive), or null; for weeks and months it selects the periods whose first day is in range
 * @param to last date (inclusive), or null
 * @param site the site to report, or null when the output holds one site
 * @param format the layout to read, or null to detect it from the output directory (Iceberg tables of the default
 *     catalog there, else Parquet folders)
 * @param catalog --catalog: a Spark catalog that holds the Iceberg tables, or empty for the output directory's own
 * @param namespace --namespace of the Iceberg tables
 */
public record ReportOptions(String output, String html, String csvDir, Period period, String from, String to, String site,
    boolean help, OutputFormat format, String catalog, String namespace) {

  public static final String USAGE = """
      Usage: geotraffic report --output DIR --html FILE [--csv DIR] [--period day|week|month]
                               [--from YYYY-MM-DD --to YYYY-MM-DD] [--site S]
        --output  the job's output directory: reads its published tables and _runs/*.json only
        --html    the report to write: one self-contained HTML file (no network needed to view it)
        --csv     also write the report's tables as CSV files (UTF-8, RFC 4180) into this folder
        --period  week or month: show the tables that run --period week|month published under weekly/ or
                  monthly/, each period's visitors distinct over the whole period (default: day, the daily
                  tables; over several days their visitors are daily, summed)
        --from/--to  report only these days (inclusive); for weeks and months, the periods whose first day is in range
        --site    the site to report; needed when the output holds more than one
        --format  parquet or iceberg: the layout of the published tables (default: iceberg when the output directory
                  holds geotraffic's Iceberg tables, <output>/<namespace>/<table>/metadata, else parquet)
        --catalog a Spark catalog that holds the Iceberg tables (run's output.catalog; configure it with
                  spark.sql.catalog.* in the environment); implies --format iceberg
        --namespace the Iceberg namespace (run's output.namespace, default geotraffic)
      Exit codes: 0 ok, 2 usage, 3 input/output path (also: nothing published for the period and range asked)
      """;

  /** Thrown with a message that says what is wrong with the command line. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Parses the arguments after the word {@code report}. */
  public static ReportOptions parse(String[] args) throws UsageException {
    String output = null;
    String html = null;
    String csv = null;
    String from = null;
    String to = null;
    String site = null;
    Period period = Period.DAY;
    OutputFormat format = null;
    String catalog = "";
    String namespace = "geotraffic";
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return new ReportOptions(null, null, null, Period.DAY, null, null, null, true, null, "", "geotraffic");
        }
        case "--output" -> output = value(args, ++i, a);
        case "--html" -> html = value(args, ++i, a);
        case "--csv" -> csv = value(args, ++i, a);
        case "--from" -> from = isoDate(value(args, ++i, a), a);
        case "--to" -> to = isoDate(value(args, ++i, a), a);
        case "--site" -> site = value(args, ++i, a);
        case "--period" -> period = period(value(args, ++i, a));
        case "--format" -> {
          String v = value(args, ++i, a);
          format = OutputFormat.of(v);
          if (format == null) {
            throw new UsageException("--format must be parquet or iceberg, got '" + v + "'");
          }
        }
        case "--catalog" -> catalog = name(value(args, ++i, a), a);
        case "--namespace" -> namespace = name(value(args, ++i, a), a);
        default -> throw new UsageException("unknown option '" + a + "'");
      }
    }
    if (output == null || html == null) {
      throw new UsageException("missing " + (output == null ? "--output" : "") + (output == null && html == null ? ", " : "")
          + (html == null ? "--html" : ""));
    }
    if ((from == null) != (to == null)) {
      throw new UsageException("--from and --to go together");
    }
    if (from != null && from.compareTo(to) > 0) {
      throw new UsageException("--from " + from + " is after --to " + to);
    }
    if (!catalog.isEmpty()) {
      if (format == OutputFormat.PARQUET) {
        throw new UsageException("--catalog names Iceberg tables, but --format is parquet");
      }
      format = OutputFormat.ICEBERG;
    }
    return new ReportOptions(output, html, csv, period, from, to, site, false, format, catalog, namespace);
  }

  /** Where Iceberg tables are, when the report reads them. */
  public OutputTarget icebergTarget() {
    return new OutputTarget(OutputFormat.ICEBERG, catalog, namespace);
  }

  private static String name(String v, String option) throws UsageException {
    if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new UsageException(option + " must be a name (letters, digits, _), got '" + v + "'");
    }
    return v;
  }

  /** {@code date} lies in the requested range (always, when no range was given). */
  public boolean inRange(String date) {
    return from == null || (date.compareTo(from) >= 0 && date.compareTo(to) <= 0);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static Period period(String v) throws UsageException {
    try {
      return Period.of(v);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--period must be day, week or month, got '" + v + "'");
    }
  }

  private static String isoDate(String v, String option) throws UsageException {
    try {
      return LocalDate.parse(v).toString();
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " must be a date YYYY-MM-DD, got '" + v + "'");
    }
  }
}
