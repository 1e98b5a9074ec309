package io.governanceledger.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.governanceledger.events.decisions.DecisionApprovedEvent1to2Upcaster;
import io.governanceledger.events.decisions.DecisionRecordedEvent;
import io.governanceledger.events.decisions.DecisionRecordedEvent1to2Upcaster;
import io.governanceledger.events.decisions.Participant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * The golden archive: every stored shape an event ever had stays in
 * {@code src/test/resources/golden-events} and must still load, through the upcasters, into today's
 * event. A 15-year ledger cannot drop the ability to read its first year.
 */
class GoldenArchiveTest {

    /** {@code Name.revN.json}, or a variant {@code Name.revN.what.json}: values a ledger once accepted (NUL, year 999999999). */
    private static final Pattern FILE = Pattern.compile("(\\w+)\\.rev(\\d+)(\\.[a-z-]+)?\\.json");

    private final Serializer serializer = LedgerSerializer.create();
    private final EventUpcasterChain upcasters =
            new EventUpcasterChain(new DecisionRecordedEvent1to2Upcaster(), new DecisionApprovedEvent1to2Upcaster());

    private Object load(Class<?> type, String revision, byte[] json) {
        DomainEventData<byte[]> stored = new GenericDomainEventEntry<>(
                "Aggregate",
                "aggregate-1",
                0,
                "event-1",
                Instant.parse("2026-01-01T00:00:00Z"),
                type.getName(),
                revision,
                json,
                "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcasters)
                .next()
                .getPayload();
    }

    @Test
    void everyArchivedShapeStillLoadsIntoTodaysEvent() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("src/test/resources/golden-events"))) {
            files = listing.sorted().toList();
        }
        int older = 0;
        for (Path file : files) {
            Matcher matcher = FILE.matcher(file.getFileName().toString());
            assertThat(matcher.matches()).as(file.toString()).isTrue();
            Class<?> type = EventContractTest.eventTypes().stream()
                    .filter(candidate -> candidate.getSimpleName().equals(matcher.group(1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no event " + matcher.group(1)));
            String current = type.getAnnotation(Revision.class).value();
            Object loaded = load(type, matcher.group(2), Files.readAllBytes(file));
            assertThat(loaded).as(file.toString()).isInstanceOf(type);
            if (!matcher.group(2).equals(current)) {
                older++;
            }
        }
        assertThat(older).as("archived older shapes").isPositive();
    }

    @Test
    void revisionOneParticipantsAreSplitIntoNameAndRole() {
        String revisionOne = """
                {"decisionId": "d-1", "programId": "P", "supersedes": null,
                 "details": {"title": "t", "context": "c", "options": [{"key": "A", "description": "a"}],
                             "chosenOption": "A", "rationale": "r", "decidingBody": "SC", "meetingDate": "2025-03-10",
                             "decidedOn": null, "effectiveFrom": null, "quorum": 2, "links": [],
                             "participants": ["A. Peeters (chair)", "B. Janssens", "C. Maes ( secretary )"]}}""";
        DecisionRecordedEvent event = (DecisionRecordedEvent)
                load(DecisionRecordedEvent.class, "1", revisionOne.getBytes(StandardCharsets.UTF_8));
        assertThat(event.details().participants())
                .containsExactly(
                        new Participant("A. Peeters", "chair"),
                        new Participant("B. Janssens", null),
                        new Participant("C. Maes", "secretary"));
        assertThat(event.details().quorum()).isEqualTo(2);
    }
}
