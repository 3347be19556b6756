package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad formats fail at startup with a message naming the culprit. */
class FormatValidationTest {

  private static String message(String format) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LineParsers.validate(format));
    IllegalArgumentException c =
        assertThrows(IllegalArgumentException.class, () -> LineParsers.create(format, 100));
    assertEquals(e.getMessage(), c.getMessage());
    return e.getMessage();
  }

  @Test
  void unknownApacheDirective_isSkippedAndNamedAsSkipped() {
    InputFields fields = LineParsers.fields("apache:%h %Z %t %>s %{X-Custom}z");
    assertEquals(List.of("%h", "%t", "%>s"), fields.used());
    assertEquals(List.of("%Z", "%{X-Custom}z"), fields.skipped());
    assertFalse(fields.trailingFieldsSkipped(), "a user's format is read as written");
  }

  @Test
  void unknownNginxVariable_isSkippedAndNamedAsSkipped() {
    InputFields fields = LineParsers.fields("nginx:$remote_addr [$time_local] $status $nonsense");
    assertEquals(List.of("$remote_addr", "$time_local", "$status"), fields.used());
    assertEquals(List.of("$nonsense"), fields.skipped());
  }

  @Test
  void unreadableApacheDirective_isStillNamed() {
    assertEquals(
        "Cannot use input.format: unterminated { in Apache directive %{Referer in 'apache:%h %t %>s %{Referer'",
        message("apache:%h %t %>s %{Referer"));
    assertEquals(
        "Cannot use input.format: incomplete Apache directive % in 'apache:%h %t %>s %'",
        message("apache:%h %t %>s %"));
  }

  @Test
  void unsupportedStrftimeConversion_isNamed() {
    assertEquals(
        "Cannot use input.format: unsupported strftime conversion %Q in time layout '%Y %Q'"
            + " (directive %{%Y %Q}t) in 'apache:%h %{%Y %Q}t %>s'",
        message("apache:%h %{%Y %Q}t %>s"));
  }

  @Test
  void unknownFormatName_listsTheChoices() {
    assertEquals(
        "Cannot use input.format: unknown format 'combinde', expected a preset (combined, vcombined,"
            + " vhost_combined, common, vcommon, nginx, nginx_xff, w3c, iis, cloudfront, cloudstorage, awselb, awsalb,"
            + " awss3, squid, caddy, traefikclf, traefikjson, gcplb, envoy, istio, haproxy, varnishncsa, json),"
            + " apache:<LogFormat>, nginx:<log_format>, nginx-json:<log_format> or json:<field>=<key>,...",
        message("combinde"));
  }

  @Test
  void badJsonMapping_isNamed() {
    assertEquals(
        "Cannot use input.format: unknown JSON field 'ua', expected one of client, forwarded-for, user, time,"
            + " request, method, target, protocol, status, bytes, referer, user-agent, host as <field>=<key>|<key>"
            + " in 'json:ua=agent'",
        message("json:ua=agent"));
    assertEquals(
        "Cannot use input.format: JSON field client needs keys such as client=a|b.c, got 'client=a||b' in"
            + " 'json:client=a||b'",
        message("json:client=a||b"));
    assertEquals("Cannot use input.format: no JSON field mapping after 'json:' in 'json:'", message("json:"));
  }

  @Test
  void formatWithoutClient_isRejected() {
    assertEquals(
        "Cannot use input.format: no client address (%h, %a, $remote_addr) directive in 'apache:%t %>s'",
        message("apache:%t %>s"));
  }

  @Test
  void adjacentDirectivesWithoutSeparator_areRejected() {
    assertEquals(
        "Cannot use input.format: directives %h and %u have no separator in 'apache:%h%u %t %>s'",
        message("apache:%h%u %t %>s"));
  }

  @Test
  void timeWithoutDate_isRejected() {
    assertEquals(
        "Cannot use input.format: time directive %{%H:%M:%S}t does not fix a date (needs year,"
            + " month and day) in 'apache:%h %{%H:%M:%S}t %>s'",
        message("apache:%h %{%H:%M:%S}t %>s"));
  }

  @Test
  void headerDirectiveWithoutName_isRejected() {
    assertEquals(
        "Cannot use input.format: Apache directive %i needs a {name} argument in 'apache:%h %t %>s %i'",
        message("apache:%h %t %>s %i"));
  }

  @Test
  void emptyFormat_isRejected() {
    assertEquals("Cannot use input.format: it is empty", message(" "));
  }

  @Test
  void zeroMaxLineLength_isRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LineParsers.create("combined", 0));
    assertEquals("Cannot use input.max-line-length: must be >= 1, got 0", e.getMessage());
  }

  @Test
  void everyPresetAndDocumentedDirective_validates() {
    for (String f :
        new String[] {
          "common", "combined", "vhost_combined", "nginx", "nginx_xff", "w3c", "IIS", " Combined ", "json",
          "json:client=request.remote_ip|ip,time=@timestamp,user-agent=headers.User-Agent.0",
          "apache:%h %a %{c}a %l %u %t %{%d/%b/%Y:%H:%M:%S %z}t %{sec}t %{msec}t %{usec}t \"%r\" %m %U %q %H"
              + " %>s %<s %s %b %B %O %I %S %D %T %{ms}T %v %V %{Host}i %{X-Forwarded-For}i"
              + " %{Content-Type}o %{UNIQUE_ID}e %{cookie}C %A %k %L %p %{remote}p %P %R %X %f"
              + " %400,501{User-agent}i %!200{Referer}i %%",
          "nginx:$remote_addr $http_x_forwarded_for $remote_user [$time_local] $time_iso8601 $msec"
              + " \"$request\" $request_method $request_uri $uri $args $server_protocol $status"
              + " $body_bytes_sent $bytes_sent \"$http_referer\" \"$http_user_agent\" $host"
              + " $server_name $request_time $upstream_response_time ${http_x_real_ip} $http_cf_ipcountry",
          "nginx:escape=json:{\"ip\":\"$remote_addr\",\"t\":\"$time_iso8601\",\"s\":$status}",
          "nginx-json:{\"ip\":\"$remote_addr\",\"t\":$msec,\"s\":$status}",
        }) {
      LineParsers.validate(f);
    }
    for (String preset : LineParsers.presetNames()) {
      LineParsers.validate(preset);
      LineParsers.validate(preset.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
