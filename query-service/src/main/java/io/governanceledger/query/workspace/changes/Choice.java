package io.governanceledger.query.workspace.changes;

import io.governanceledger.query.changes.ChangeRequestSummaryView;
import io.governanceledger.query.decisions.DecisionSummaryView;
import java.util.Arrays;
import java.util.List;

/** One choice of a form's list: the id sent, and the words shown (or, for an enum, its message key's suffix). */
public record Choice(String id, String label) {

    static List<Choice> decisions(List<DecisionSummaryView> decisions) {
        return decisions.stream()
                .map(d -> new Choice(
                        d.decisionId(),
                        d.title() + (d.decidedOn() == null ? " (" + d.status() + ")" : " (" + d.decidedOn() + ")")))
                .toList();
    }

    static List<Choice> changes(List<ChangeRequestSummaryView> changes) {
        return changes.stream()
                .map(c -> new Choice(c.changeRequestId(), c.changeRequestId() + " · " + c.title()))
                .toList();
    }

    static List<Choice> of(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(value -> new Choice(value.name(), value.name()))
                .toList();
    }
}
