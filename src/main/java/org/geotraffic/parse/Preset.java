package org.geotraffic.parse;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The named formats of {@code input.format}: every predefined format of GoAccess 1.11, named as GoAccess names it
 * in lower case, the formats of proxies and clouds that Elastic and Vector read, and the names geotraffic had
 * before ({@code vhost_combined}, {@code nginx}, {@code nginx_xff}, {@code iis}). Each knows its client field:
 * where the address of the request's sender is, and which X-Forwarded-For list counts behind {@code
 * proxies.trusted}. The README's table of formats lists the same, with the fixture that proves each.
 */
enum Preset {
  COMBINED("combined", "`%h`, the first field", () -> PresetFormats.apache("combined", PresetFormats.COMBINED)),
  VCOMBINED("vcombined", "`%h`, after `%v:%p`", () -> PresetFormats.apache("vcombined", PresetFormats.VCOMBINED)),
  VHOST_COMBINED("vhost_combined", "`%h`, after `%v:%p`",
      () -> PresetFormats.apache("vhost_combined", PresetFormats.VCOMBINED)),
  COMMON("common", "`%h`, the first field", () -> PresetFormats.apache("common", PresetFormats.COMMON)),
  VCOMMON("vcommon", "`%h`, after `%v:%p`", () -> PresetFormats.apache("vcommon", PresetFormats.VCOMMON)),
  NGINX("nginx", "`$remote_addr`", () -> PresetFormats.nginx("nginx", PresetFormats.NGINX)),
  NGINX_XFF("nginx_xff", "`$remote_addr`; `$http_x_forwarded_for` behind `proxies.trusted`",
      () -> PresetFormats.nginx("nginx_xff", PresetFormats.NGINX_XFF)),
  W3C("w3c", "`c-ip`; `cs(X-Forwarded-For)` behind `proxies.trusted`", () -> W3cDialect.W3C),
  IIS("iis", "`c-ip`", () -> W3cDialect.W3C),
  CLOUDFRONT("cloudfront", "`c-ip`; `x-forwarded-for` behind `proxies.trusted`", () -> W3cDialect.CLOUDFRONT),
  CLOUDSTORAGE("cloudstorage", "`c_ip`", PresetFormats::cloudStorage),
  AWSELB("awselb", "`client:port`",
      () -> new FormatDefinition.Alternatives(PresetFormats.awsClassicElb(), PresetFormats.awsAlb())),
  AWSALB("awsalb", "`client:port` (IPv6 with or without brackets)", PresetFormats::awsAlb),
  AWSS3("awss3", "`remote_ip`", PresetFormats::awsS3),
  SQUID("squid", "`remotehost` (`%>a`)", PresetFormats::squid),
  CADDY("caddy", "`request.client_ip`, else `request.remote_ip`; `X-Forwarded-For` header behind `proxies.trusted`",
      JsonFields::caddy),
  TRAEFIKCLF("traefikclf", "the first field", PresetFormats::traefikClf),
  TRAEFIKJSON("traefikjson", "`ClientHost`; `request_X-Forwarded-For` behind `proxies.trusted`", JsonFields::traefik),
  GCPLB("gcplb", "`httpRequest.remoteIp`", JsonFields::googleCloudLoadBalancer),
  ENVOY("envoy",
      "`%REQ(X-FORWARDED-FOR)%`: its right-most entry outside `proxies.trusted` (Envoy writes no peer address)",
      PresetFormats::envoy),
  ISTIO("istio", "`%DOWNSTREAM_REMOTE_ADDRESS%` (`ip:port`); `%REQ(X-FORWARDED-FOR)%` behind `proxies.trusted`",
      PresetFormats::istio),
  HAPROXY("haproxy", "`%ci:%cp`", PresetFormats::haproxy),
  VARNISHNCSA("varnishncsa", "`%h`, the first field", PresetFormats::varnishncsa),
  JSON("json", "`remote_addr`, `client_ip`, ... or as mapped; `http_x_forwarded_for` behind `proxies.trusted`",
      () -> JsonFields.parse(null, "json"));

  private final String key;
  private final String clientField;
  private final Supplier<FormatDefinition> definition;

  Preset(String key, String clientField, Supplier<FormatDefinition> definition) {
    this.key = key;
    this.clientField = clientField;
    this.definition = definition;
  }

  /** The name as {@code input.format} writes it. */
  String key() {
    return key;
  }

  /** Where the client is: the README's table of formats says the same (ReadmeFormatsTableTest). */
  String clientField() {
    return clientField;
  }

  /** A fresh definition of this preset's format. */
  FormatDefinition definition() {
    return definition.get();
  }

  /** The preset of a name, any case, surrounding spaces ignored; null when none has it. */
  static Preset byName(String name) {
    String k = name.trim().toLowerCase(Locale.ROOT);
    for (Preset p : values()) {
      if (p.key.equals(k)) {
        return p;
      }
    }
    return null;
  }
}
