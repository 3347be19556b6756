package org.geotraffic.geo;

/** What kind of network an address belongs to, independent of any geolocation database. */
public enum AddressClass {
  /** Globally routable: only a geolocation database can say where it is. */
  PUBLIC,
  /**
   * Our side of the network: private (RFC 1918), shared/CGNAT (RFC 6598), loopback, link-local, unique-local
   * (fc00::/7), deprecated site-local (fec0::/10), local-use NAT64 (64:ff9b:1::/48). Traffic from here is ours, not a place.
   */
  INTERNAL,
  /**
   * Cannot be a real client on the Internet: unspecified, "this network", documentation, benchmarking, multicast,
   * reserved (240/4 and broadcast), IETF protocol assignments, deprecated 6to4 relay anycast, IPv4-compatible and
   * other IPv6 outside the global unicast block 2000::/3. A log line with such a client is spoofed or synthetic.
   */
  RESERVED
}
