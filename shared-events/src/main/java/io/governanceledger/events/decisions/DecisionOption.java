package io.governanceledger.events.decisions;

/** One option the deciding body considered; {@code key} is how the chosen option refers to it. */
public record DecisionOption(String key, String description) {}
