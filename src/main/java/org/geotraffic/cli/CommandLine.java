package org.geotraffic.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.geotraffic.config.Period;

/**
 * The parsed command line: {@code [run] --input PATH... --output DIR --geoip-db FILE [--config FILE]
 * [--set key=value]... [--date D | --from D1 --to D2] [--run-id ID]}.
 */
record CommandLine(
    String command,
    List<String> inputs,
    String output,
    String geoipDb,
    String config,
    List<String> sets,
    String from,
    String to,
    String runId,
    List<Integer> ks,
    boolean allowEmpty,
    Period period,
    boolean help) {

  /** The other command, {@code report}, has its own options: org.geotraffic.report.ReportOptions. */
  static final String REPORT = "report";

  static final String USAGE = """
      Usage: geotraffic report --help   (HTML/CSV report of an output directory)
             geotraffic [run] --input PATH... --output DIR --geoip-db FILE
                        [--config FILE] [--set key=value]... [--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD]
                        [--period day|week|month]
                        [--run-id ID] [--allow-empty]
             geotraffic what-if --input PATH... --geoip-db FILE --k 2,5,10,20,50 [--config FILE] [--set key=value]...
                        [--date YYYY-MM-DD | --from YYYY-MM-DD --to YYYY-MM-DD] [--period day|week|month]
        --input     log files, directories or globs (plain, .gz, .bz2; local, hdfs://, s3a://); repeatable
        --output    output directory: <table>/date=YYYY-MM-DD/ Parquet and _runs/<run-id>.json
        --geoip-db  MaxMind DB (GeoIP2/GeoLite2/DB-IP City or Country)
        --config    properties file overriding conf/geotraffic.properties
        --set       one key=value override, applied last; repeatable
        --date      publish only this day; --from/--to publish only these days (inclusive)
        --period    week or month: publish the ISO week (Monday to Sunday) or calendar month holding --date,
                    its visitors distinct over the whole period, under weekly/ or monthly/ (default: day);
                    what-if --period prices k for that period's tables as run --period publishes them
        --allow-empty  let this run empty or shrink published days (refused otherwise, exit 9)
      Also: geotraffic lookup --geoip-db FILE < clients.txt  (locate clients one per line; see lookup --help)
      Exit codes: 0 ok, 2 usage/config, 3 input/output path, 4 geo database, 5 job failed (earlier output intact),
                  6 too many rejected lines, 7 privacy audit failed, 9 a published day would be emptied
                  (6, 7, 9: nothing published, only the run's own _runs/<run-id>.json)
      """;

  /** Thrown with a message that says what is wrong with the command line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static CommandLine parse(String[] args) throws UsageException {
    String command = "run";
    List<String> inputs = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    String output = null;
    String db = null;
    String config = null;
    String date = null;
    String from = null;
    String to = null;
    String runId = null;
    List<Integer> ks = List.of();
    boolean allowEmpty = false;
    Period period = Period.DAY;
    int i = 0;
    if (args.length > 0 && !args[0].startsWith("-")) {
      command = args[0];
      i = 1;
      if (!command.equals("run") && !command.equals("what-if")) {
        throw new UsageException("unknown command '" + command + "' (commands: run, what-if, report, lookup)");
      }
    }
    for (; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return new CommandLine(command, List.of(), null, null, null, List.of(), null, null, null, List.of(), false, Period.DAY, true);
        }
        case "--input" -> {
          int before = inputs.size();
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            inputs.add(args[++i]);
          }
          if (inputs.size() == before) {
            throw new UsageException("--input needs at least one path");
          }
        }
        case "--output" -> output = value(args, ++i, a);
        case "--geoip-db" -> db = value(args, ++i, a);
        case "--config" -> config = value(args, ++i, a);
        case "--set" -> sets.add(value(args, ++i, a));
        case "--date" -> date = isoDate(value(args, ++i, a), a);
        case "--from" -> from = isoDate(value(args, ++i, a), a);
        case "--to" -> to = isoDate(value(args, ++i, a), a);
        case "--run-id" -> runId = runId(value(args, ++i, a));
        case "--k" -> ks = thresholds(value(args, ++i, a));
        case "--allow-empty" -> allowEmpty = true;
        case "--period" -> period = period(value(args, ++i, a));
        default -> throw new UsageException("unknown option '" + a + "'");
      }
    }
    List<String> missing = new ArrayList<>();
    if (inputs.isEmpty()) {
      missing.add("--input");
    }
    boolean whatIf = command.equals("what-if");
    if (output == null && !whatIf) {
      missing.add("--output");
    }
    if (ks.isEmpty() && whatIf) {
      missing.add("--k");
    }
    if (!ks.isEmpty() && !whatIf) {
      throw new UsageException("--k belongs to what-if; a run takes its threshold from suppression.min-visitors");
    }
    if (db == null) {
      missing.add("--geoip-db");
    }
    if (!missing.isEmpty()) {
      throw new UsageException("missing " + String.join(", ", missing));
    }
    if (period != Period.DAY) {
      if (date == null || from != null || to != null) {
        throw new UsageException("--period " + period.key() + " needs --date (any day of the " + period.key() + "), not --from/--to");
      }
      LocalDate start = period.start(LocalDate.parse(date));
      from = start.toString();
      to = period.end(start).toString();
      date = null;
    }
    if (date != null) {
      if (from != null || to != null) {
        throw new UsageException("--date cannot be combined with --from/--to");
      }
      from = date;
      to = date;
    }
    if ((from == null) != (to == null)) {
      throw new UsageException("--from and --to go together");
    }
    if (from != null && from.compareTo(to) > 0) {
      throw new UsageException("--from " + from + " is after --to " + to);
    }
    return new CommandLine(command, inputs, output, db, config, sets, from, to, runId, ks, allowEmpty, period, false);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static String isoDate(String v, String option) throws UsageException {
    try {
      return LocalDate.parse(v).toString();
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " must be a date YYYY-MM-DD, got '" + v + "'");
    }
  }

  private static List<Integer> thresholds(String v) throws UsageException {
    List<Integer> ks = new ArrayList<>();
    for (String part : v.split(",")) {
      try {
        int k = Integer.parseInt(part.trim());
        if (k < 1) {
          throw new NumberFormatException();
        }
        ks.add(k);
      } catch (NumberFormatException e) {
        throw new UsageException("--k takes whole numbers >= 1 separated by commas, got '" + v + "'");
      }
    }
    return ks.stream().distinct().sorted().toList();
  }

  private static Period period(String v) throws UsageException {
    try {
      return Period.of(v);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage().replace("Cannot use --period: ", "--period "));
    }
  }

  private static String runId(String v) throws UsageException {
    if (!v.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new UsageException("--run-id may hold letters, digits, '.', '_' and '-' only, got '" + v + "'");
    }
    return v;
  }
}
