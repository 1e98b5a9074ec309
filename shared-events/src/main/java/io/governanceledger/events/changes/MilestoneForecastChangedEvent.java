package io.governanceledger.events.changes;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The milestone is now expected on {@code forecastDate} instead of {@code previousDate}, for a reason. */
@Revision("1")
public record MilestoneForecastChangedEvent(
        String programId,
        String milestoneId,
        LocalDate previousDate,
        LocalDate forecastDate,
        String reason,
        String changeRequestId) {}
