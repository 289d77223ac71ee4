package org.drivesync.api;

/** A lower-tier or unitary council, as in the shipped reference data. */
public record LocalAuthority(
    String code, String name, String type, String county, String mayoralAuthority) {}
