package org.geotraffic.config;

/** The configuration keys; conf/geotraffic.properties documents each one with its default. */
public final class ConfigKeys {
  public static final String INPUT_FORMAT = "input.format";
  public static final String INPUT_MAX_LINE_LENGTH = "input.max-line-length";
  public static final String INPUT_MAX_REJECT_RATIO = "input.max-reject-ratio";
  public static final String INPUT_FAIL_ON_CORRUPT = "input.fail-on-corrupt";
  public static final String PUBLISH_MIN_SHARE_OF_PREVIOUS = "publish.min-share-of-previous";
  public static final String PUBLISH_ALLOW_NON_ATOMIC_RENAME = "publish.allow-non-atomic-rename";
  public static final String TIME_ZONE = "time.zone";
  public static final String SITE_DEFAULT = "site.default";
  public static final String PAGES_ASSET_EXTENSIONS = "pages.asset-extensions";
  public static final String PAGES_VIEW_METHODS = "pages.view-methods";
  public static final String PAGES_MAX_LENGTH = "pages.max-length";
  public static final String BOTS_PATTERNS = "bots.patterns";
  public static final String BOTS_REPORT_SEPARATELY = "bots.report-separately";
  public static final String PROXIES_TRUSTED = "proxies.trusted";
  public static final String GEO_INTERNAL_NETWORKS = "geo.internal-networks";
  public static final String GEO_SUFFIX_RULES = "geo.suffix-rules";
  public static final String GEO_GENERIC_TLDS = "geo.generic-tlds";
  public static final String SUPPRESSION_MIN_VISITORS = "suppression.min-visitors";
  public static final String SUPPRESSION_MIN_HITS = "suppression.min-hits";
  public static final String OUTPUT_COMPRESSION = "output.compression";
  public static final String OUTPUT_FORMAT = "output.format";
  public static final String OUTPUT_CATALOG = "output.catalog";
  public static final String OUTPUT_NAMESPACE = "output.namespace";
  public static final String GEOIP_FIELDS_COUNTRY = "geoip.fields.country";
  public static final String GEOIP_FIELDS_REGION = "geoip.fields.region";
  public static final String GEOIP_FIELDS_REGION_KIND = "geoip.fields.region-kind";

  private ConfigKeys() {}
}
