package io.governanceledger.events.contracts;

public enum DeMinimisCounting {
    NET_CUMULATIVE,
    ABSOLUTE_CUMULATIVE
}
