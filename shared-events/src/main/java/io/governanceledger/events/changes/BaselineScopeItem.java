package io.governanceledger.events.changes;

public record BaselineScopeItem(String itemId, String name) {}
