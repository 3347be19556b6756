package org.geotraffic.cli;
public final class GeoTraffic { public static void main(String[] a) {} }
