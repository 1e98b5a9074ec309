package io.governanceledger.support.web;

/** An id in the request names no record the caller may see; answered with 404. */
public class RecordNotFoundException extends RuntimeException {

    private final String field;

    public RecordNotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The program is unknown, or did not exist at the point on both clocks that was asked for. */
    public static RecordNotFoundException unknownProgram(String programId, Object asOf, java.time.Instant knownAt) {
        return notAt("programId", "No program '" + programId + "'", asOf, knownAt);
    }

    /** {@code what} names the missing record; the point on both clocks is added when one was asked for. */
    public static RecordNotFoundException notAt(String field, String what, Object asOf, java.time.Instant knownAt) {
        StringBuilder message = new StringBuilder(what);
        if (asOf != null) {
            message.append(" on ").append(asOf);
        }
        if (knownAt != null) {
            message.append(" as recorded by ").append(knownAt);
        }
        return new RecordNotFoundException(field, message.append('.').toString());
    }

    public String field() {
        return field;
    }
}
