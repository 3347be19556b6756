package org.geotraffic.parse;

import static org.geotraffic.parse.FormatToken.Shape.OPTIONALLY_QUOTED;
import static org.geotraffic.parse.FormatToken.Shape.SPACE_PADDED;

/**
 * The token formats of the text presets, each from its vendor's documented default layout (the URL is in each
 * method's comment and in the README's table of formats). Apache- and nginx-shaped presets are compiled from their
 * format strings; the others are built field by field with the vendor's field names. Every preset skips fields a
 * server appends after its last field ({@link FormatTraits#PRESET}). Stateless.
 */
final class PresetFormats {
  static final String COMMON = "%h %l %u %t \"%r\" %>s %b";
  static final String COMBINED = COMMON + " \"%{Referer}i\" \"%{User-Agent}i\"";
  static final String VCOMMON = "%v:%p " + COMMON;
  static final String VCOMBINED = "%v:%p %h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"";
  static final String NGINX =
      "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent"
          + " \"$http_referer\" \"$http_user_agent\"";
  static final String NGINX_XFF = NGINX + " \"$http_x_forwarded_for\"";
  /** varnishncsa's default format; its %r holds an absolute URL. */
  static final String VARNISHNCSA = "%h %l %u %t \"%r\" %s %b \"%{Referer}i\" \"%{User-agent}i\"";

  private PresetFormats() {}

  /** A preset written as an Apache LogFormat (httpd's default httpd.conf, GoAccess's COMBINED and friends). */
  static LineFormat apache(String name, String layout) {
    return ApacheFormatCompiler.compile(layout, name).withTraits(FormatTraits.PRESET);
  }

  /** A preset written as an nginx log_format (nginx's built-in {@code combined}). */
  static LineFormat nginx(String name, String layout) {
    return NginxFormatCompiler.compile(layout, name, LineFormat.EscapeStyle.BACKSLASH).withTraits(FormatTraits.PRESET);
  }

  /**
   * Traefik's CLF: combined plus request count, router name, server URL and duration
   * (https://doc.traefik.io/traefik/observability/access-logs/#clf-common-log-format); those four are skipped as
   * trailing fields, so a line whose router name lost a quote still counts.
   */
  static LineFormat traefikClf() {
    return apache("traefikclf", COMBINED);
  }

  /**
   * varnishncsa's default (https://varnish-cache.org/docs/trunk/reference/varnishncsa.html): combined, with the
   * request target written as an absolute URL whose host is the site.
   */
  static LineFormat varnishncsa() {
    return ApacheFormatCompiler.compile(VARNISHNCSA, "varnishncsa")
        .withTraits(FormatTraits.PRESET.withSiteFromTarget());
  }

  /**
   * Classic Load Balancer (https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/access-log-collection.html):
   * {@code timestamp elb client:port backend:port request_processing_time backend_processing_time
   * response_processing_time elb_status_code backend_status_code received_bytes sent_bytes "request" "user_agent"
   * ssl_cipher ssl_protocol}.
   */
  static LineFormat awsClassicElb() {
    return new FormatBuilder("awselb")
        .time(TimestampPattern.iso8601WithFraction(), "timestamp").text(" ")
        .skip("elb").text(" ")
        .field(Slot.CLIENT, "client:port").text(" ")
        .skipSpaced("backend:port", "request_processing_time", "backend_processing_time", "response_processing_time")
        .text(" ").field(Slot.STATUS, "elb_status_code").text(" ")
        .skipSpaced("backend_status_code", "received_bytes").text(" ")
        .field(Slot.BYTES, "sent_bytes").text(" \"")
        .field(Slot.REQUEST, "request").text("\" \"")
        .field(Slot.USER_AGENT, "user_agent").text("\" ")
        .skipSpaced("ssl_cipher", "ssl_protocol")
        .build(loadBalancer());
  }

  /**
   * Application Load Balancer (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html):
   * {@code type time elb client:port target:port request_processing_time target_processing_time
   * response_processing_time elb_status_code target_status_code received_bytes sent_bytes "request" "user_agent"
   * ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name"}, then fields AWS keeps appending
   * (chosen_cert_arn, matched_rule_priority, ..., conn_trace_id), skipped.
   */
  static LineFormat awsAlb() {
    return new FormatBuilder("awsalb")
        .skip("type").text(" ")
        .time(TimestampPattern.iso8601WithFraction(), "time").text(" ")
        .skip("elb").text(" ")
        .field(Slot.CLIENT, "client:port").text(" ")
        .skipSpaced("target:port", "request_processing_time", "target_processing_time", "response_processing_time")
        .text(" ").field(Slot.STATUS, "elb_status_code").text(" ")
        .skipSpaced("target_status_code", "received_bytes").text(" ")
        .field(Slot.BYTES, "sent_bytes").text(" \"")
        .field(Slot.REQUEST, "request").text("\" \"")
        .field(Slot.USER_AGENT, "user_agent").text("\" ")
        .skipSpaced("ssl_cipher", "ssl_protocol", "target_group_arn").text(" \"")
        .skip("trace_id").text("\" \"")
        .skip("domain_name").text("\"")
        .build(loadBalancer());
  }

  /** Load balancers write {@code client:port} and absolute request URLs whose host is the site. */
  private static FormatTraits loadBalancer() {
    return FormatTraits.PRESET.withClientForm(FormatTraits.ClientForm.ADDRESS_AND_PORT).withSiteFromTarget();
  }

  /**
   * Amazon S3 server access logs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/LogFormat.html): {@code
   * bucket_owner bucket [time] remote_ip requester request_id operation key request_uri http_status error_code
   * bytes_sent object_size total_time turn_around_time referer user_agent}, then version_id, host_id and the
   * fields added since, skipped. Request, referer and user agent are quoted, or a bare {@code -}. The bucket is
   * the site.
   */
  static LineFormat awsS3() {
    return new FormatBuilder("awss3")
        .skip("bucket_owner").text(" ")
        .field(Slot.SITE, "bucket").text(" [")
        .time(TimestampPattern.clf(), "time").text("] ")
        .field(Slot.CLIENT, "remote_ip").text(" ")
        .skipSpaced("requester", "request_id", "operation", "key").text(" ")
        .field(Slot.REQUEST, "request_uri", OPTIONALLY_QUOTED).text(" ")
        .field(Slot.STATUS, "http_status").text(" ")
        .skip("error_code").text(" ")
        .field(Slot.BYTES, "bytes_sent").text(" ")
        .skipSpaced("object_size", "total_time", "turn_around_time").text(" ")
        .field(Slot.REFERER, "referer", OPTIONALLY_QUOTED).text(" ")
        .field(Slot.USER_AGENT, "user_agent", OPTIONALLY_QUOTED)
        .build(FormatTraits.PRESET);
  }

  /**
   * Squid's native format (https://wiki.squid-cache.org/Features/LogFormat, {@code logformat squid %ts.%03tu %6tr
   * %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt}): the elapsed time is right-aligned in six characters. Lines may
   * come through syslog with its header first, as GoAccess's SQUID format expects.
   */
  static LineFormat squid() {
    return new FormatBuilder("squid")
        .time(TimestampPattern.epochDecimal(), "time").text(" ")
        .skip("elapsed", SPACE_PADDED).text(" ")
        .field(Slot.CLIENT, "remotehost").text(" ")
        .skip("code").text("/")
        .field(Slot.STATUS, "status").text(" ")
        .field(Slot.BYTES, "bytes").text(" ")
        .field(Slot.METHOD, "method").text(" ")
        .field(Slot.TARGET, "URL").text(" ")
        .field(Slot.USER, "rfc931").text(" ")
        .skipSpaced("hierarchy_code/peerhost", "type")
        .build(FormatTraits.PRESET.withLinePrefix(FormatTraits.LinePrefix.SYSLOG).withSiteFromTarget());
  }

  /**
   * Google Cloud Storage usage logs (https://cloud.google.com/storage/docs/access-logs#format): CSV, every value
   * quoted, a quote inside a value doubled, a header line naming the columns; {@code time_micros,c_ip,c_ip_type,
   * c_ip_region,cs_method,cs_uri,sc_status,cs_bytes,sc_bytes,time_taken_micros,cs_host,cs_referer,cs_user_agent,
   * s_request_id}, then cs_operation, cs_bucket, cs_object and later columns, skipped. The user agent is read up
   * to the {@code ","} before s_request_id, so a doubled quote in it does not end it.
   */
  static LineFormat cloudStorage() {
    return new FormatBuilder("cloudstorage")
        .text("\"").time(TimestampPattern.epochMicros(), "time_micros").text("\",\"")
        .field(Slot.CLIENT, "c_ip").text("\",\"")
        .skip("c_ip_type").text("\",\"")
        .skip("c_ip_region").text("\",\"")
        .field(Slot.METHOD, "cs_method").text("\",\"")
        .field(Slot.TARGET, "cs_uri").text("\",\"")
        .field(Slot.STATUS, "sc_status").text("\",\"")
        .skip("cs_bytes").text("\",\"")
        .field(Slot.BYTES, "sc_bytes").text("\",\"")
        .skip("time_taken_micros").text("\",\"")
        .field(Slot.SITE, "cs_host").text("\",\"")
        .field(Slot.REFERER, "cs_referer").text("\",\"")
        .field(Slot.USER_AGENT, "cs_user_agent").text("\",\"")
        .skip("s_request_id").text("\"")
        .build(FormatTraits.PRESET.withHeaderLine("\"time_micros\"").withFieldSeparator(','));
  }

  /**
   * Envoy's default format string
   * (https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#default-format-string).
   * It has no peer address: the client is the X-Forwarded-For list, which Envoy at the edge ends with the peer it
   * saw; the right-most entry outside proxies.trusted is the client, as for every proxy list.
   */
  static LineFormat envoy() {
    return envoyStart("envoy")
        .skipSpaced("RESPONSE_FLAGS", "BYTES_RECEIVED").text(" ")
        .field(Slot.BYTES, "BYTES_SENT").text(" ")
        .skipSpaced("DURATION", "RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)").text(" \"")
        .field(Slot.CLIENT, "REQ(X-FORWARDED-FOR)").text("\" \"")
        .field(Slot.USER_AGENT, "REQ(USER-AGENT)").text("\" \"")
        .skip("REQ(X-REQUEST-ID)").text("\" \"")
        .field(Slot.SITE, "REQ(:AUTHORITY)").text("\" \"")
        .skip("UPSTREAM_HOST").text("\"")
        .build(FormatTraits.PRESET);
  }

  /**
   * Istio's default proxy access log (TEXT encoding,
   * https://istio.io/latest/docs/tasks/observability/logs/access-log/#default-access-log-format): Envoy's fields
   * plus response code details and the addresses; the client is DOWNSTREAM_REMOTE_ADDRESS ({@code ip:port}), the
   * X-Forwarded-For list counts behind proxies.trusted.
   */
  static LineFormat istio() {
    return envoyStart("istio")
        .skipSpaced("RESPONSE_FLAGS", "RESPONSE_CODE_DETAILS", "CONNECTION_TERMINATION_DETAILS").text(" \"")
        .skip("UPSTREAM_TRANSPORT_FAILURE_REASON").text("\" ")
        .skip("BYTES_RECEIVED").text(" ")
        .field(Slot.BYTES, "BYTES_SENT").text(" ")
        .skipSpaced("DURATION", "RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)").text(" \"")
        .field(Slot.FORWARDED_FOR, "REQ(X-FORWARDED-FOR)").text("\" \"")
        .field(Slot.USER_AGENT, "REQ(USER-AGENT)").text("\" \"")
        .skip("REQ(X-REQUEST-ID)").text("\" \"")
        .field(Slot.SITE, "REQ(:AUTHORITY)").text("\" \"")
        .skip("UPSTREAM_HOST").text("\" ")
        .skipSpaced("UPSTREAM_CLUSTER_RAW", "UPSTREAM_LOCAL_ADDRESS", "DOWNSTREAM_LOCAL_ADDRESS").text(" ")
        .field(Slot.CLIENT, "DOWNSTREAM_REMOTE_ADDRESS").text(" ")
        .skipSpaced("REQUESTED_SERVER_NAME", "ROUTE_NAME")
        .build(FormatTraits.PRESET.withClientForm(FormatTraits.ClientForm.ADDRESS_AND_PORT));
  }

  /** {@code [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% }. */
  private static FormatBuilder envoyStart(String name) {
    return new FormatBuilder(name)
        .text("[").time(TimestampPattern.iso8601WithFraction(), "START_TIME").text("] \"")
        .field(Slot.REQUEST, "REQ(:METHOD) REQ(X-ENVOY-ORIGINAL-PATH?:PATH) PROTOCOL").text("\" ")
        .field(Slot.STATUS, "RESPONSE_CODE").text(" ");
  }

  /**
   * HAProxy's {@code option httplog}
   * (https://docs.haproxy.org/2.8/configuration.html#8.2.3: {@code %ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta
   * %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r}) as it lands in files through syslog, header
   * first; the captured header blocks {@code {...}} appear only when captures are configured. HAProxy writes its
   * date in local time without an offset: it is read as UTC.
   */
  static LineFormat haproxy() {
    return new FormatBuilder("haproxy")
        .field(Slot.CLIENT, "client_ip:client_port").text(" [")
        .time(TimestampPattern.haproxy(), "request_date").text("] ")
        .skipSpaced("frontend_name", "backend_name/server_name", "TR/Tw/Tc/Tr/Ta").text(" ")
        .field(Slot.STATUS, "status_code").text(" ")
        .field(Slot.BYTES, "bytes_read").text(" ")
        .skipSpaced("captured_request_cookie", "captured_response_cookie", "termination_state",
            "actconn/feconn/beconn/srv_conn/retries", "srv_queue/backend_queue").text(" ")
        .skip("captured_request_headers captured_response_headers").text("\"")
        .field(Slot.REQUEST, "http_request").text("\"")
        .build(FormatTraits.PRESET.withClientForm(FormatTraits.ClientForm.ADDRESS_AND_PORT)
            .withLinePrefix(FormatTraits.LinePrefix.SYSLOG));
  }
}
