package io.governanceledger.query.changes;

import java.time.Instant;
import java.time.LocalDate;

/** One change of a milestone's forecast: from and to which date, why, by whom, and the change request behind it. */
public record ForecastChangeView(
        LocalDate previousDate,
        LocalDate forecastDate,
        String reason,
        String changeRequestId,
        String actor,
        Instant recordedAt) {}
