package org.geotraffic.config;

import java.util.Locale;

/** How the tables are published (output.format): what the write stage and the report branch on. */
public enum OutputFormat {
  /** Parquet folders {@code <output>/<table>/date=D/}, swapped in by rename (the default). */
  PARQUET("parquet"),
  /** Iceberg tables partitioned by date, written to a branch, audited there, then fast-forwarded onto main. */
  ICEBERG("iceberg");

  private final String key;

  OutputFormat(String key) {
    this.key = key;
  }

  /** The value of output.format that selects it. */
  public String key() {
    return key;
  }

  /** The format named by an output.format value, or null when none is. */
  public static OutputFormat of(String value) {
    for (OutputFormat f : values()) {
      if (f.key.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }
}
