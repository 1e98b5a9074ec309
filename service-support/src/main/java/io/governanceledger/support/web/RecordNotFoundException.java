package io.governanceledger.support.web;

/** An id in the request names no record the caller may see; answered with 404. */
public class RecordNotFoundException extends RuntimeException {

    private final String field;

    public RecordNotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
