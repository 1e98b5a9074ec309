package io.governanceledger.system;

/** Request bodies a PMO officer would send. */
public final class Bodies {

    private Bodies() {}

    public static String program(String id) {
        return """
               {"programId": "%s", "name": "Airport automation", "sponsor": "Chief Operating Officer",
                "startDate": "2024-01-01", "plannedEndDate": "2039-01-01", "currency": "EUR",
                "reason": "Framework contract FC-2024-01 signed"}
               """.formatted(id);
    }

    public static String decision(String title) {
        return decision(title, "null", "null");
    }

    /** {@code decidedOn} and {@code effectiveFrom} are JSON literals: a quoted date or null. */
    public static String decision(String title, String decidedOn, String effectiveFrom) {
        return """
               {"title": "%s", "context": "The hosting contract ends in 2026.",
                "options": [{"key": "A", "description": "Stay on premises"},
                            {"key": "B", "description": "Move to a cloud provider"}],
                "chosenOption": "B", "rationale": "Lower cost over ten years, exit plan agreed.",
                "decidingBody": "Steering Committee", "meetingDate": "2026-03-10",
                "decidedOn": %s, "effectiveFrom": %s,
                "participants": ["A. Peeters", "B. Janssens", "C. Maes"], "quorum": 2,
                "links": [{"kind": "CHANGE_REQUEST", "reference": "CR-12", "relation": "authorises"}],
                "reason": "Steering committee SC-2026-03"}
               """.formatted(title, decidedOn, effectiveFrom);
    }
}
