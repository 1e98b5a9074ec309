package io.governanceledger.events.decisions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Someone who took part in a decision, and in what role (chair, member, secretary, observer...), if stated. */
public record Participant(String name, String role) {

    private static final Pattern WITH_ROLE = Pattern.compile("^(.*\\S)\\s*\\(([^()]+)\\)\\s*$");

    /**
     * Splits the free text "A. Peeters (chair)" into name and role; text without a role in trailing
     * brackets is all name. Revision 1 of {@link DecisionRecordedEvent} kept participants as such text.
     */
    public static Participant parse(String text) {
        String trimmed = text.strip();
        Matcher matcher = WITH_ROLE.matcher(trimmed);
        return matcher.matches()
                ? new Participant(matcher.group(1).strip(), matcher.group(2).strip())
                : new Participant(trimmed, null);
    }
}
