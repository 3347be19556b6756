package org.geotraffic.geo;

/** The geo database is missing, unreadable, corrupt or of a schema geotraffic cannot use. */
public final class GeoDatabaseException extends Exception {
  private static final long serialVersionUID = 1L;

  public GeoDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public GeoDatabaseException(String message) {
    super(message);
  }
}
