package io.governanceledger.support.security;

import java.util.List;

/**
 * Which roles may POST to which paths ({@code *} is one path segment, {@code **} any rest). Each
 * capability declares its own as a bean; the security filter checks them before any body is parsed,
 * so a wrong role gets 403 whatever it sent.
 */
public record WriteAccess(List<String> roles, List<String> paths) {

    public static WriteAccess of(String role, String... paths) {
        return new WriteAccess(List.of(role), List.of(paths));
    }
}
