package io.governanceledger.events.budget;

public enum CostCategory {
    CAPEX,
    OPEX
}
