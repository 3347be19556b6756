package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One or two lines of each preset, written to its vendor's documented layout (the URLs are in PresetFormats,
 * W3cDialect and JsonFields), with every field the entry takes checked; the awkward cases of each format (ports
 * on clients, absolute targets, syslog headers, padding, optional quotes, TCP lines) included.
 */
class PresetLinesTest {
  private static final int MAX = 65_536;

  private static LogEntry accept(String format, String line) {
    ParseResult r = LineParsers.create(format, MAX).parse(line);
    assertTrue(r.isAccepted(), () -> format + " should accept the line, got " + r);
    return r.entry();
  }

  private static ParseResult parse(String format, String line) {
    return LineParsers.create(format, MAX).parse(line);
  }

  @Test
  void combined_skipsFieldsAServerAppends() {
    String line = "192.0.2.10 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 2326 \"-\" \"UA/1.0\"";
    assertEquals("UA/1.0", accept("combined", line + " 1234").userAgent()); // %D
    assertEquals(2326L, accept("combined", line + " 512 2481").bytes()); // combinedio: %I %O
    assertEquals(2326L, accept("common", line.substring(0, line.indexOf(" \"-\"")) + " 1234").bytes());
    assertEquals(RejectReason.MALFORMED, parse("combined", line + "x").rejectReason());
    assertEquals(RejectReason.MALFORMED, parse("apache:%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"",
        line + " 1234").rejectReason(), "a user's own format string is read exactly as written");
  }

  @Test
  void traefikClf_readsTheCombinedPartAndSkipsRouterServerAndDuration() {
    String line = "192.0.2.33 - - [02/Oct/2017:20:22:07 +0000] \"GET /ui/favicons/favicon-16x16.png HTTP/1.1\" 304 0"
        + " \"http://example.com/login\" \"Mozilla/5.0 (X11; Linux x86_64)\" 262 \"web@docker\""
        + " \"http://172.19.0.3:5601\" 2ms";
    LogEntry e = accept("traefikclf", line);
    assertEquals("192.0.2.33", e.client());
    assertEquals(304, e.status());
    assertEquals("Mozilla/5.0 (X11; Linux x86_64)", e.userAgent());
    assertEquals(1_506_975_727L, e.epochSecond());
    // The same line is what GoAccess's COMBINED and this job's combined read as well.
    assertEquals(e.client(), accept("combined", line).client());
    // A router name that lost its closing quote does not cost the request.
    assertEquals(304, accept("traefikclf", line.replace("\"web@docker\"", "\"web@docker")).status());
  }

  @Test
  void nginxProxyManagerFormat_isReadVerbatim_skippingItsOwnVariables() {
    String format = "nginx:[$time_local] $upstream_cache_status $upstream_status $status - $request_method $scheme"
        + " $host \"$request_uri\" [Client $remote_addr] [Length $body_bytes_sent] [Gzip $gzip_ratio]"
        + " [Sent-to $server] \"$http_user_agent\" \"$http_referer\"";
    LogEntry e = accept(format, "[29/Dec/2022:10:06:35 +0000] - 200 200 - GET https www.example.org"
        + " \"/index.html?x=1\" [Client 198.51.100.23] [Length 1234] [Gzip 3.45] [Sent-to 172.17.0.1]"
        + " \"Mozilla/5.0 (Windows NT 10.0)\" \"-\"");
    assertEquals("198.51.100.23", e.client());
    assertEquals("GET", e.method());
    assertEquals("/index.html?x=1", e.target());
    assertEquals(200, e.status());
    assertEquals(1234L, e.bytes());
    assertEquals("www.example.org", e.site());
    assertNull(e.referer());
    assertEquals(List.of("$upstream_cache_status", "$upstream_status", "$scheme", "$gzip_ratio", "$server"),
        LineParsers.fields(format).skipped());
  }

  @Test
  void vcommon_readsTheVirtualHost() {
    LogEntry e = accept("vcommon", "www.example.org:443 192.0.2.10 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 2326");
    assertEquals("www.example.org", e.site());
    assertEquals("192.0.2.10", e.client());
  }

  @Test
  void awsElb_classicLine_clientPortDroppedAndSiteFromTheUrl() {
    LogEntry e = accept("awselb", "2015-05-13T23:39:43.945958Z my-loadbalancer 192.0.2.39:2817 10.0.0.1:80 0.000073"
        + " 0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/a?b=c HTTP/1.1\" \"curl/7.38.0\" - -");
    assertEquals("192.0.2.39", e.client());
    assertEquals(1_431_560_383L, e.epochSecond());
    assertEquals("http://www.example.com:80/a?b=c", e.target());
    assertEquals("www.example.com", e.site());
    assertEquals(29L, e.bytes());
    assertEquals(200, e.status());
    // A TCP listener logs "- - - ": a request that is not HTTP.
    assertEquals(RejectReason.BAD_REQUEST, parse("awselb", "2015-05-13T23:39:43.945958Z my-loadbalancer"
        + " 192.0.2.39:2817 10.0.0.1:80 0.001069 0.000028 0.000041 - - 82 305 \"- - - \" \"-\" - -").rejectReason());
  }

  private static final String ALB = "h2 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 CLIENT"
      + " 10.0.0.66:9000 0.000 0.002 0.000 200 200 5 257 \"GET https://www.example.com:443/p?q=1 HTTP/2.0\""
      + " \"curl/7.46.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
      + " arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
      + " \"Root=1-58337327-72bd00b0343d75b906739c42\" \"www.example.com\" \"arn:aws:acm:us-east-2:123456789012:"
      + "certificate/12345678-1234-1234-1234-123456789012\" 1 2018-07-02T22:22:48.364000Z \"forward\" \"-\" \"-\""
      + " \"10.0.0.66:9000\" \"200\" \"-\" \"-\" TID_1234";

  @Test
  void awsAlb_ipv4Ipv6AndBracketedClients_andAppendedFields() {
    assertEquals("192.0.2.1", accept("awsalb", ALB.replace("CLIENT", "192.0.2.1:48160")).client());
    assertEquals("2001:db8::1", accept("awsalb", ALB.replace("CLIENT", "2001:db8::1:48160")).client());
    assertEquals("[2001:db8::1]", accept("awsalb", ALB.replace("CLIENT", "[2001:db8::1]:48160")).client());
    LogEntry e = accept("awsalb", ALB.replace("CLIENT", "192.0.2.1:48160"));
    assertEquals("www.example.com", e.site());
    assertEquals(257L, e.bytes());
    assertEquals("HTTP/2.0", e.protocol());
    // GoAccess's AWSELB reads ALB lines: so does awselb.
    assertEquals("192.0.2.1", accept("awselb", ALB.replace("CLIENT", "192.0.2.1:48160")).client());
    String tcp = ALB.replace("CLIENT", "192.0.2.1:48160").replace("GET https://www.example.com:443/p?q=1 HTTP/2.0", "- - -");
    assertEquals(RejectReason.BAD_REQUEST, parse("awsalb", tcp).rejectReason());
    assertEquals(RejectReason.BAD_REQUEST, parse("awselb", tcp).rejectReason(), "the ALB shape's reason, not a bad timestamp");
  }

  private static final String S3 = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be amzn-s3-demo-bucket1"
      + " [06/Feb/2019:00:00:38 +0000] 192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
      + " 3E57427F3EXAMPLE REST.GET.VERSIONING - \"GET /amzn-s3-demo-bucket1?versioning HTTP/1.1\" 200 - 113 - 7 -"
      + " \"-\" \"S3Console/0.4\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4"
      + " ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -";

  @Test
  void awsS3_bucketIsTheSite_andBareDashesWhereQuotesWouldBe() {
    LogEntry e = accept("awss3", S3);
    assertEquals("192.0.2.3", e.client());
    assertEquals("amzn-s3-demo-bucket1", e.site());
    assertEquals("/amzn-s3-demo-bucket1?versioning", e.target());
    assertEquals(113L, e.bytes());
    assertEquals("S3Console/0.4", e.userAgent());
    assertEquals(1_549_411_238L, e.epochSecond());
    String unquoted = S3.replace("\"-\" \"S3Console/0.4\"", "- -");
    assertNull(accept("awss3", unquoted).userAgent());
    // A lifecycle or batch operation has no HTTP request: "-".
    assertEquals(RejectReason.BAD_REQUEST,
        parse("awss3", S3.replace("\"GET /amzn-s3-demo-bucket1?versioning HTTP/1.1\"", "-")).rejectReason());
  }

  @Test
  void squid_paddedElapsedTime_syslogHeader_connectTargets() {
    String line = "1286536309.450     98 192.0.2.68 TCP_MISS/200 4120 GET http://www.example.com/a.html -"
        + " DIRECT/198.51.100.34 text/html";
    LogEntry e = accept("squid", line);
    assertEquals("192.0.2.68", e.client());
    assertEquals(1_286_536_309L, e.epochSecond());
    assertEquals(200, e.status());
    assertEquals(4120L, e.bytes());
    assertEquals("GET", e.method());
    assertEquals("http://www.example.com/a.html", e.target());
    assertEquals("www.example.com", e.site());
    assertEquals("192.0.2.68", accept("squid", "Oct  8 10:11:49 proxy1 squid[1234]: " + line).client());
    assertEquals("192.0.2.68", accept("squid", line.replace("     98", " 123456")).client());
    LogEntry connect = accept("squid", "1286536310.123    431 2001:db8::5 TCP_TUNNEL/200 5381 CONNECT"
        + " www.example.com:443 alice HIER_DIRECT/198.51.100.34 -");
    assertEquals("2001:db8::5", connect.client());
    assertEquals("alice", connect.user());
    assertNull(connect.site());
  }

  @Test
  void cloudStorage_csvWithHeader() {
    LineParser p = LineParsers.create("cloudstorage", MAX);
    assertEquals(FilterReason.DIRECTIVE, p.parse("\"time_micros\",\"c_ip\",\"c_ip_type\",\"c_ip_region\",\"cs_method\","
        + "\"cs_uri\",\"sc_status\",\"cs_bytes\",\"sc_bytes\",\"time_taken_micros\",\"cs_host\",\"cs_referer\","
        + "\"cs_user_agent\",\"s_request_id\",\"cs_operation\",\"cs_bucket\",\"cs_object\"").filterReason());
    LogEntry e = p.parse("\"1588165123456789\",\"2001:db8::4\",\"2\",\"\",\"GET\",\"/example-bucket/index.html\","
        + "\"200\",\"0\",\"4523\",\"16000\",\"storage.googleapis.com\",\"\",\"curl/7.68.0\",\"AEnB2UpExample\","
        + "\"GET_Object\",\"example-bucket\",\"index.html\"").entry();
    assertEquals("2001:db8::4", e.client());
    assertEquals(1_588_165_123L, e.epochSecond());
    assertEquals("/example-bucket/index.html", e.target());
    assertEquals(4523L, e.bytes());
    assertEquals("storage.googleapis.com", e.site());
    assertNull(e.referer());
    assertEquals("curl/7.68.0", e.userAgent());
  }

  @Test
  void envoy_clientIsTheForwardedForList_tcpLinesAreNoRequests() {
    LogEntry e = accept("envoy", "[2016-04-15T20:17:00.310Z] \"POST /api/v1/locations HTTP/2\" 204 - 154 0 226 100"
        + " \"198.51.100.9, 192.0.2.28\" \"nsq2http\" \"cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"locations\""
        + " \"tcp://10.0.2.1:80\"");
    assertEquals("198.51.100.9, 192.0.2.28", e.client());
    assertEquals(1_460_751_420L, e.epochSecond());
    assertEquals(204, e.status());
    assertEquals(0L, e.bytes());
    assertEquals("locations", e.site());
    assertEquals(RejectReason.BAD_REQUEST, parse("envoy", "[2019-04-06T06:20:05.972Z] \"- - -\" 0 UF,URX 0 0 0 -"
        + " \"-\" \"-\" \"-\" \"-\" \"127.0.0.1:9200\"").rejectReason());
  }

  @Test
  void istio_clientIsTheDownstreamRemoteAddress() {
    LogEntry e = accept("istio", "[2020-11-25T21:26:18.409Z] \"GET /status/418 HTTP/1.1\" 418 - via_upstream -"
        + " \"-\" 0 135 4 4 \"-\" \"curl/7.73.0-DEV\" \"84961386-6d84-929d-98bd-c5aee93b5c88\" \"httpbin:8000\""
        + " \"10.44.1.27:80\" outbound|8000||httpbin.foo.svc.cluster.local 10.44.1.23:37652 10.0.45.184:8000"
        + " 192.0.2.23:46520 - default");
    assertEquals("192.0.2.23", e.client());
    assertNull(e.forwardedFor());
    assertEquals(418, e.status());
    assertEquals(135L, e.bytes());
    assertEquals("httpbin", e.site());
  }

  @Test
  void haproxy_syslogHeaderCapturesAndIpv6() {
    String line = "192.0.2.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ----"
        + " 1/1/1/1/0 0/0 {1wt.eu} {} \"GET /index.html HTTP/1.1\"";
    LogEntry e = accept("haproxy", "Feb  6 12:14:14 localhost haproxy[14389]: " + line);
    assertEquals("192.0.2.2", e.client());
    assertEquals(1_233_922_454L, e.epochSecond());
    assertEquals(200, e.status());
    assertEquals(2750L, e.bytes());
    assertEquals("/index.html", e.target());
    assertEquals("192.0.2.2", accept("haproxy", line).client(), "log stdout: no header");
    assertEquals("192.0.2.2", accept("haproxy", line.replace("{1wt.eu} {} ", "")).client(), "no captures");
    assertEquals("2001:db8::7", accept("haproxy", line.replace("192.0.2.2:33317", "2001:db8::7:51234")).client());
    assertEquals(RejectReason.BAD_REQUEST,
        parse("haproxy", line.replace("\"GET /index.html HTTP/1.1\"", "\"<BADREQ>\"")).rejectReason());
  }

  @Test
  void varnishncsa_absoluteUrlGivesTheSite() {
    LogEntry e = accept("varnishncsa", "192.0.2.1 - - [10/Oct/2000:13:55:36 -0700]"
        + " \"GET http://www.example.com/a.html HTTP/1.1\" 200 2326 \"-\" \"Mozilla/5.0\"");
    assertEquals("www.example.com", e.site());
    assertEquals("http://www.example.com/a.html", e.target());
  }

  @Test
  void cloudFront_tabSeparatedWithHeader_orTheDocumentedColumnsWithout() {
    String record = String.join("\t", "2019-12-04", "21:02:31", "LAX1", "392", "192.0.2.100", "GET",
        "d111111abcdef8.cloudfront.net", "/index.html", "200", "-",
        "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)", "a=1", "-", "Hit", "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==",
        "www.example.com", "https", "23", "0.001", "-", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "Hit", "HTTP/2.0",
        "-", "-", "11040", "0.001", "Hit", "text/html", "78", "-", "-");
    LineParser p = LineParsers.create("cloudfront", MAX);
    LogEntry e = p.parse(record).entry();
    assertEquals("192.0.2.100", e.client());
    assertEquals("www.example.com", e.site(), "the viewer's Host, not the distribution's domain");
    assertEquals("/index.html?a=1", e.target());
    assertEquals("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", e.userAgent());
    assertEquals("HTTP/2.0", e.protocol());
    assertEquals(392L, e.bytes());
    assertEquals(1_575_493_351L, e.epochSecond());
    assertEquals(FilterReason.DIRECTIVE, p.parse("#Version: 1.0").filterReason());
    assertEquals(FilterReason.DIRECTIVE,
        p.parse("#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status").filterReason());
    assertEquals("d111111abcdef8.cloudfront.net",
        p.parse(String.join("\t", "2019-12-04", "21:02:31", "LAX1", "392", "2001:db8::100", "GET",
            "d111111abcdef8.cloudfront.net", "/", "200")).entry().site());
  }

  @Test
  void caddy_nestedKeysAnyOrder() {
    LogEntry e = accept("caddy", "{\"level\":\"info\",\"ts\":1646861401.5241024,\"logger\":\"http.log.access\","
        + "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"10.0.0.9\",\"remote_port\":\"41342\","
        + "\"client_ip\":\"192.0.2.1\",\"proto\":\"HTTP/2.0\",\"method\":\"GET\",\"host\":\"www.example.com\","
        + "\"uri\":\"/?q=1\",\"headers\":{\"User-Agent\":[\"curl/7.82.0\"],\"Accept\":[\"*/*\"],"
        + "\"Referer\":[\"https://example.net/\"]},\"tls\":{\"resumed\":false,\"version\":772,\"cipher_suite\":4865,"
        + "\"proto\":\"h2\",\"server_name\":\"www.example.com\"}},\"bytes_read\":0,\"user_id\":\"\","
        + "\"duration\":0.000929675,\"size\":10900,\"status\":200,\"resp_headers\":{\"Server\":[\"Caddy\"]}}");
    assertEquals("192.0.2.1", e.client());
    assertEquals(1_646_861_401L, e.epochSecond());
    assertEquals("GET", e.method());
    assertEquals("/?q=1", e.target());
    assertEquals("HTTP/2.0", e.protocol());
    assertEquals(200, e.status());
    assertEquals(10_900L, e.bytes());
    assertEquals("curl/7.82.0", e.userAgent());
    assertEquals("https://example.net/", e.referer());
    assertEquals("www.example.com", e.site());
    assertNull(e.user());
  }

  @Test
  void traefikJson_readsItsKeys() {
    LogEntry e = accept("traefikjson", "{\"ClientAddr\":\"[2001:db8::1]:54321\",\"ClientHost\":\"2001:db8::1\","
        + "\"ClientPort\":\"54321\",\"ClientUsername\":\"-\",\"DownstreamContentSize\":1234,\"DownstreamStatus\":404,"
        + "\"Duration\":1234567,\"RequestAddr\":\"www.example.com:443\",\"RequestHost\":\"www.example.com\","
        + "\"RequestMethod\":\"GET\",\"RequestPath\":\"/missing\",\"RequestProtocol\":\"HTTP/1.1\","
        + "\"StartUTC\":\"2024-01-05T10:20:30.123456789Z\",\"level\":\"info\",\"msg\":\"\","
        + "\"request_User-Agent\":\"Mozilla/5.0\",\"time\":\"2024-01-05T10:20:30Z\"}");
    assertEquals("2001:db8::1", e.client());
    assertEquals(1_704_450_030L, e.epochSecond());
    assertEquals(404, e.status());
    assertEquals(1234L, e.bytes());
    assertEquals("www.example.com", e.site());
    assertEquals("Mozilla/5.0", e.userAgent());
    assertNull(e.user());
  }

  @Test
  void gcpLoadBalancer_exportedLogEntry() {
    LogEntry e = accept("gcplb", "{\"insertId\":\"1a2b3c\",\"jsonPayload\":{\"@type\":\"type.googleapis.com/google."
        + "cloud.loadbalancing.type.LoadBalancerLogEntry\",\"statusDetails\":\"response_sent_by_backend\"},"
        + "\"httpRequest\":{\"requestMethod\":\"GET\",\"requestUrl\":\"https://www.example.com/index.html?x=1\","
        + "\"requestSize\":\"123\",\"status\":200,\"responseSize\":\"4567\",\"userAgent\":\"Mozilla/5.0\","
        + "\"remoteIp\":\"192.0.2.7:51234\",\"referer\":\"https://www.example.com/\",\"latency\":\"0.012345s\","
        + "\"protocol\":\"HTTP/1.1\"},\"resource\":{\"type\":\"http_load_balancer\",\"labels\":{\"project_id\":"
        + "\"example\"}},\"timestamp\":\"2024-01-05T10:20:30.123456Z\",\"severity\":\"INFO\","
        + "\"receiveTimestamp\":\"2024-01-05T10:20:31.5Z\"}");
    assertEquals("192.0.2.7:51234", e.client());
    assertEquals(1_704_450_030L, e.epochSecond());
    assertEquals("https://www.example.com/index.html?x=1", e.target());
    assertEquals("www.example.com", e.site());
    assertEquals(4567L, e.bytes());
  }

  @Test
  void json_defaultsReadNginxEscapeJsonKeys_andAMappingReplacesThem() {
    String line = "{\"time_local\":\"10/Oct/2000:13:55:36 -0700\",\"remote_addr\":\"192.0.2.1\",\"remote_user\":\"\","
        + "\"request\":\"GET /caf\\u00e9?q=\\\"x\\\" HTTP/1.1\",\"status\": \"200\",\"body_bytes_sent\":\"2326\","
        + "\"http_referer\":\"\",\"http_user_agent\":\"Mo\\\\zilla\\/5.0\",\"real_ip\":\"198.51.100.5\"}";
    LogEntry e = accept("json", line);
    assertEquals("192.0.2.1", e.client());
    assertEquals(971_211_336L, e.epochSecond());
    assertEquals("/café?q=\"x\"", e.target());
    assertEquals("Mo\\zilla/5.0", e.userAgent());
    assertNull(e.user());
    assertNull(e.referer());
    assertEquals("198.51.100.5", accept("json:client=real_ip", line).client());
    assertEquals(RejectReason.MALFORMED, parse("json", line + " x").rejectReason());
    assertEquals(RejectReason.MALFORMED, parse("json", line.substring(0, line.length() - 1)).rejectReason());
    assertEquals(RejectReason.BAD_CLIENT, parse("json", line.replace("192.0.2.1", "-")).rejectReason());
    assertEquals(RejectReason.MALFORMED, parse("json", "{\"status\":200}").rejectReason());
  }
}
