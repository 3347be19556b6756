package org.geotraffic.enrich;

import java.io.IOException;
import java.net.InetAddress;
import org.geotraffic.geo.CidrSet;
import org.geotraffic.geo.GeoDatabase;
import org.geotraffic.geo.GeoLocation;
import org.geotraffic.geo.HostSuffixGeo;
import org.geotraffic.geo.HostSuffixRules;
import org.geotraffic.geo.InternalNetworks;
import org.geotraffic.geo.IpLiterals;
import org.geotraffic.geo.ProxyChain;
import org.geotraffic.geo.SpecialAddresses;

/**
 * Decides where a client is, without DNS. IP literals: configured internal networks first, then the
 * MaxMind database, then the special-range classification (so a test database may use documentation
 * ranges). Host names: their domain suffix. Remembers how the last answer was found
 * ({@link #lastSource()}) for the run summary. Not thread-safe: one per partition.
 */
public final class ClientLocator {
  private final GeoDatabase database;
  private final InternalNetworks internalNetworks;
  private final HostSuffixGeo hostSuffixGeo;
  /**
   * Clients repeat, mostly on consecutive lines (a page and its assets): the previous line's answer is kept. A map of
   * recent clients saved no CPU once database lookups became cheap, and held thousands of addresses; this holds one,
   * in the task's memory only.
   */
  private String previousClient;
  private GeoLocation previousLocation;
  private GeoSource previousSource;
  private GeoSource lastSource;

  ClientLocator(GeoDatabase database, InternalNetworks internalNetworks, HostSuffixGeo hostSuffixGeo) {
    this.database = database;
    this.internalNetworks = internalNetworks;
    this.hostSuffixGeo = hostSuffixGeo;
  }

  /** A locator as the job builds it for a partition; public for the cli lookup command. */
  public static ClientLocator create(EnrichSettings s, GeoDatabase database) {
    return new ClientLocator(database, InternalNetworks.parse(s.internalNetworks()),
        new HostSuffixGeo(HostSuffixRules.of(s.suffixRules(), s.genericTlds())));
  }

  static ProxyChain proxyChain(EnrichSettings s) {
    return new ProxyChain(CidrSet.parse(s.trustedProxies()));
  }

  /** The location of a client (IP literal or host name), or null when it is neither. */
  public GeoLocation locate(String client) {
    if (client.equals(previousClient)) {
      lastSource = previousSource;
      return previousLocation;
    }
    GeoLocation location = locateUncached(client);
    // Lookup errors are not remembered: each line that meets one counts it, as before.
    boolean keep = location != null && lastSource != GeoSource.LOOKUP_ERROR;
    previousClient = keep ? client : null;
    previousLocation = location;
    previousSource = lastSource;
    return location;
  }

  private GeoLocation locateUncached(String client) {
    InetAddress address = IpLiterals.parse(client);
    if (address != null) {
      return locateAddress(SpecialAddresses.unwrap(address));
    }
    if (!IpLiterals.looksLikeHostName(client)) {
      return null;
    }
    GeoLocation byName = hostSuffixGeo.locate(client);
    lastSource = GeoLocation.UNKNOWN.equals(byName.country()) ? GeoSource.HOST_NAME_UNKNOWN : GeoSource.HOST_NAME;
    return byName;
  }

  private GeoLocation locateAddress(InetAddress address) {
    String internalName = internalNetworks.nameOf(address);
    if (internalName != null) {
      lastSource = GeoSource.INTERNAL_NETWORK;
      return new GeoLocation(GeoLocation.INTERNAL, internalName);
    }
    try {
      GeoLocation found = database.lookup(address);
      if (found != null) {
        lastSource = GeoSource.DATABASE;
        return found;
      }
    } catch (IOException e) {
      lastSource = GeoSource.LOOKUP_ERROR;
      return GeoLocation.UNKNOWN_LOCATION;
    }
    switch (SpecialAddresses.classify(address)) {
      case INTERNAL -> {
        lastSource = GeoSource.SPECIAL_INTERNAL;
        return GeoLocation.INTERNAL_LOCATION;
      }
      case RESERVED -> {
        lastSource = GeoSource.SPECIAL_INVALID;
        return GeoLocation.UNKNOWN_LOCATION;
      }
      default -> {
        lastSource = GeoSource.NOT_IN_DATABASE;
        return GeoLocation.UNKNOWN_LOCATION;
      }
    }
  }

  public GeoSource lastSource() {
    return lastSource;
  }
}
