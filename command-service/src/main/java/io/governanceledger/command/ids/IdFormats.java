package io.governanceledger.command.ids;

import io.governanceledger.support.security.Subjects;
import java.util.regex.Pattern;

/**
 * The forms of the ids and codes people give records, defined once for both the request records that
 * carry them (as {@code @Pattern} constants) and the aggregates that hold to them.
 */
public final class IdFormats {

    /** A program's or a budget line's id. */
    public static final String RECORD_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final String RECORD_ID_RULE =
            "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    /** The key of a decision's option. */
    public static final String OPTION_KEY = "[A-Za-z0-9._-]{1,40}";

    public static final String OPTION_KEY_RULE = "must be 1 to 40 letters, digits, '.', '_' or '-'";
    /** An ISO 4217 currency code. */
    /**
     * A person (the subject of their access tokens) or a group of the identity provider: whatever the
     * provider uses (a UUID, an e-mail address, a group path), without spaces at either end.
     */
    public static final String SUBJECT = Subjects.PATTERN;

    public static final String SUBJECT_RULE = Subjects.RULE;

    public static final String CURRENCY = "[A-Z]{3}";

    public static final String CURRENCY_RULE = "must be an ISO 4217 code such as EUR";

    private static final Pattern RECORD_ID_PATTERN = Pattern.compile(RECORD_ID);

    private IdFormats() {}

    public static boolean isRecordId(String id) {
        return id != null && RECORD_ID_PATTERN.matcher(id).matches();
    }
}
