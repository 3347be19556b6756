package org.geotraffic.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON-lines log format: for each thing the job reads, the keys that may hold it, best first. A key is a path of
 * object keys and array indexes joined by dots ({@code request.headers.User-Agent.0}); the first listed key that a
 * line has, with a value other than {@code ""}, {@code "-"} or {@code null}, is used. Keys may come in any order,
 * nested anywhere, and every other key is skipped.
 *
 * <p>{@code input.format=json} reads the key names nginx {@code escape=json} templates and most JSON loggers use
 * ({@link #DEFAULTS}); {@code json:<field>=<key>|<key>,...} replaces the keys of the fields named, e.g. {@code
 * json:client=real_ip,time=@timestamp,user-agent=headers.ua}. Fields: {@code client}, {@code forwarded-for},
 * {@code user}, {@code time}, {@code request} (a whole request line), {@code method}, {@code target} (path and
 * query), {@code protocol}, {@code status}, {@code bytes}, {@code referer}, {@code user-agent}, {@code host}. A key
 * that itself contains a dot or one of {@code , = |} cannot be named. Immutable.
 *
 * @param name the {@code input.format} value, for messages
 * @param paths for each slot, its keys best first
 * @param siteFromTarget true when the target is an absolute URL whose host is the site (Google's load balancer)
 */
record JsonFields(String name, Map<Slot, List<String>> paths, boolean siteFromTarget) implements FormatDefinition {

  /** The mapping fields of {@code json:} and the slots they fill, in documentation order. */
  static final Map<String, Slot> FIELD_NAMES = fieldNames();

  /** The keys {@code input.format=json} reads, best first. */
  static final Map<Slot, List<String>> DEFAULTS = defaults();

  JsonFields {
    Map<Slot, List<String>> copy = new EnumMap<>(Slot.class);
    paths.forEach((slot, keys) -> copy.put(slot, List.copyOf(keys)));
    paths = Collections.unmodifiableMap(copy);
  }

  private static Map<String, Slot> fieldNames() {
    Map<String, Slot> m = new LinkedHashMap<>();
    m.put("client", Slot.CLIENT);
    m.put("forwarded-for", Slot.FORWARDED_FOR);
    m.put("user", Slot.USER);
    m.put("time", Slot.TIME);
    m.put("request", Slot.REQUEST);
    m.put("method", Slot.METHOD);
    m.put("target", Slot.TARGET);
    m.put("protocol", Slot.PROTOCOL);
    m.put("status", Slot.STATUS);
    m.put("bytes", Slot.BYTES);
    m.put("referer", Slot.REFERER);
    m.put("user-agent", Slot.USER_AGENT);
    m.put("host", Slot.SITE);
    return Collections.unmodifiableMap(m);
  }

  private static Map<Slot, List<String>> defaults() {
    Map<Slot, List<String>> m = new EnumMap<>(Slot.class);
    m.put(Slot.CLIENT, List.of("remote_addr", "client_ip", "clientip", "remote_ip", "client"));
    m.put(Slot.FORWARDED_FOR, List.of("http_x_forwarded_for", "x_forwarded_for", "forwarded_for"));
    m.put(Slot.USER, List.of("remote_user", "user"));
    m.put(Slot.TIME, List.of("time_iso8601", "time_local", "timestamp", "@timestamp", "time", "ts", "msec"));
    m.put(Slot.REQUEST, List.of("request"));
    m.put(Slot.METHOD, List.of("request_method", "method"));
    m.put(Slot.TARGET, List.of("request_uri", "uri", "url", "path"));
    m.put(Slot.PROTOCOL, List.of("server_protocol", "protocol", "proto"));
    m.put(Slot.STATUS, List.of("status", "status_code", "response_code"));
    m.put(Slot.BYTES, List.of("body_bytes_sent", "bytes_sent", "bytes", "size", "response_size"));
    m.put(Slot.REFERER, List.of("http_referer", "http_referrer", "referer", "referrer"));
    m.put(Slot.USER_AGENT, List.of("http_user_agent", "user_agent", "useragent", "agent"));
    m.put(Slot.SITE, List.of("host", "http_host", "server_name", "vhost"));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The mapping of a {@code json} or {@code json:<mapping>} format.
   *
   * @param mapping the text after {@code json:}, or null for the defaults
   * @param source the whole {@code input.format} value, for messages
   */
  static JsonFields parse(String mapping, String source) {
    Map<Slot, List<String>> paths = new EnumMap<>(DEFAULTS);
    if (mapping != null) {
      if (mapping.isBlank()) {
        throw LineParsers.badFormat("no JSON field mapping after 'json:'", source);
      }
      for (String entry : mapping.split(",", -1)) {
        int eq = entry.indexOf('=');
        String field = (eq < 0 ? entry : entry.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        Slot slot = FIELD_NAMES.get(field);
        if (slot == null) {
          throw LineParsers.badFormat("unknown JSON field '" + field + "', expected one of "
              + String.join(", ", FIELD_NAMES.keySet()) + " as <field>=<key>|<key>", source);
        }
        List<String> keys = new ArrayList<>();
        for (String key : (eq < 0 ? "" : entry.substring(eq + 1)).split("\\|", -1)) {
          String k = key.trim();
          if (k.isEmpty() || k.startsWith(".") || k.endsWith(".") || k.contains("..")) {
            throw LineParsers.badFormat("JSON field " + field + " needs keys such as " + field + "=a|b.c, got '"
                + entry.trim() + "'", source);
          }
          keys.add(k);
        }
        paths.put(slot, keys);
      }
    }
    return new JsonFields(source, paths, false);
  }

  /**
   * Caddy's JSON access log (https://caddyserver.com/docs/caddyfile/directives/log, fields of {@code
   * http.log.access}): the client is {@code request.client_ip} (Caddy 2.7+, which applies its trusted_proxies),
   * else {@code request.remote_ip}, else the older {@code request.remote_addr} ({@code ip:port}); {@code ts} is
   * epoch seconds with a fraction; headers are arrays.
   */
  static JsonFields caddy() {
    Map<Slot, List<String>> m = new EnumMap<>(Slot.class);
    m.put(Slot.CLIENT, List.of("request.client_ip", "request.remote_ip", "request.remote_addr"));
    m.put(Slot.FORWARDED_FOR, List.of("request.headers.X-Forwarded-For.0"));
    m.put(Slot.USER, List.of("user_id"));
    m.put(Slot.TIME, List.of("ts"));
    m.put(Slot.METHOD, List.of("request.method"));
    m.put(Slot.TARGET, List.of("request.uri"));
    m.put(Slot.PROTOCOL, List.of("request.proto"));
    m.put(Slot.STATUS, List.of("status"));
    m.put(Slot.BYTES, List.of("size"));
    m.put(Slot.REFERER, List.of("request.headers.Referer.0"));
    m.put(Slot.USER_AGENT, List.of("request.headers.User-Agent.0"));
    m.put(Slot.SITE, List.of("request.host"));
    return new JsonFields("caddy", m, false);
  }

  /**
   * Traefik's JSON access log (https://doc.traefik.io/traefik/observability/access-logs/#format): {@code
   * ClientHost}, {@code StartUTC}, {@code RequestMethod}, {@code RequestPath}, {@code DownstreamStatus}, {@code
   * DownstreamContentSize}, {@code RequestHost}; headers appear as {@code request_<Name>} only where Traefik is
   * told to keep them.
   */
  static JsonFields traefik() {
    Map<Slot, List<String>> m = new EnumMap<>(Slot.class);
    m.put(Slot.CLIENT, List.of("ClientHost", "ClientAddr"));
    m.put(Slot.FORWARDED_FOR, List.of("request_X-Forwarded-For"));
    m.put(Slot.USER, List.of("ClientUsername"));
    m.put(Slot.TIME, List.of("StartUTC", "StartLocal", "time"));
    m.put(Slot.METHOD, List.of("RequestMethod"));
    m.put(Slot.TARGET, List.of("RequestPath"));
    m.put(Slot.PROTOCOL, List.of("RequestProtocol"));
    m.put(Slot.STATUS, List.of("DownstreamStatus", "OriginStatus"));
    m.put(Slot.BYTES, List.of("DownstreamContentSize"));
    m.put(Slot.REFERER, List.of("request_Referer"));
    m.put(Slot.USER_AGENT, List.of("request_User-Agent"));
    m.put(Slot.SITE, List.of("RequestHost", "RequestAddr"));
    return new JsonFields("traefikjson", m, false);
  }

  /**
   * Google Cloud load balancer logs exported as JSON lines (a Cloud Logging sink to Cloud Storage writes one {@code
   * LogEntry} per line; https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry#HttpRequest): {@code
   * httpRequest.remoteIp} (which may carry a port), {@code timestamp}, the absolute {@code
   * httpRequest.requestUrl} whose host is the site, {@code httpRequest.status}, {@code httpRequest.responseSize}
   * (a string).
   */
  static JsonFields googleCloudLoadBalancer() {
    Map<Slot, List<String>> m = new EnumMap<>(Slot.class);
    m.put(Slot.CLIENT, List.of("httpRequest.remoteIp"));
    m.put(Slot.TIME, List.of("timestamp", "receiveTimestamp"));
    m.put(Slot.METHOD, List.of("httpRequest.requestMethod"));
    m.put(Slot.TARGET, List.of("httpRequest.requestUrl"));
    m.put(Slot.PROTOCOL, List.of("httpRequest.protocol"));
    m.put(Slot.STATUS, List.of("httpRequest.status"));
    m.put(Slot.BYTES, List.of("httpRequest.responseSize"));
    m.put(Slot.REFERER, List.of("httpRequest.referer"));
    m.put(Slot.USER_AGENT, List.of("httpRequest.userAgent"));
    return new JsonFields("gcplb", m, true);
  }

  @Override
  public LineParser newParser(int maxLineLength) {
    return new JsonLineParser(this, maxLineLength);
  }

  @Override
  public InputFields fields() {
    List<String> used = new ArrayList<>();
    paths.forEach((slot, keys) -> used.add(String.join("|", keys)));
    return new InputFields(used, List.of(), false, true);
  }
}
