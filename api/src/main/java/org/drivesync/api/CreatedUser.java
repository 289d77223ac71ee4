package org.drivesync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The 201 answer of {@code POST /users}: the user, plus the one-time reset token when the request
 * asked for one ({@code "issuePasswordReset": true}). Without one it is exactly a {@link User}.
 */
public record CreatedUser(
    @JsonUnwrapped User user,
    @JsonInclude(JsonInclude.Include.NON_NULL) PasswordReset passwordReset) {}
