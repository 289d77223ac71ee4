package org.drivesync.api;

import java.util.List;

/** An ONS region in scope with its councils. */
public record Region(String code, String name, List<LocalAuthority> councils) {}
