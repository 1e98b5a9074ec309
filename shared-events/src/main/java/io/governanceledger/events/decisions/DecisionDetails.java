package io.governanceledger.events.decisions;

import java.time.LocalDate;
import java.util.List;

/**
 * The content of a decision as recorded. {@code decidedOn}, {@code effectiveFrom} and
 * {@code chosenOption} may be left empty while the decision is only proposed; approval fills them.
 */
public record DecisionDetails(
        String title,
        String context,
        List<DecisionOption> options,
        String chosenOption,
        String rationale,
        String decidingBody,
        LocalDate meetingDate,
        LocalDate decidedOn,
        LocalDate effectiveFrom,
        List<Participant> participants,
        Integer quorum,
        List<RecordLink> links) {

    public DecisionDetails {
        options = options == null ? List.of() : List.copyOf(options);
        participants = participants == null ? List.of() : List.copyOf(participants);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Names must be unique; the quorum counts them. */
    public long distinctParticipantNames() {
        return participants.stream().map(Participant::name).distinct().count();
    }

    public boolean hasOption(String key) {
        return options.stream().anyMatch(option -> option.key().equals(key));
    }
}
