package io.governanceledger.support.web;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the ledger accepts from a client, because it must keep and show it for as long as the ledger
 * lives: text that PostgreSQL, JSON and every screen can hold (no NUL or other control characters,
 * no unpaired surrogates or noncharacters; NFC-normalised), business dates and instants within
 * {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, written exactly as ISO 8601 with a four-digit year.
 * Every value of a request passes here (the JSON body through {@link EdgeInputModule}, parameters and
 * headers through {@link EdgeRequestFilter}): one rule for every endpoint, present and future.
 */
public final class EdgeInput {

    /** The first business date a request may carry. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** The last business date a request may carry. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    static final Instant EARLIEST_INSTANT = EARLIEST_DATE.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    static final Instant END_OF_INSTANTS =
            LATEST_DATE.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private EdgeInput() {}

    /**
     * The text as the ledger keeps it (NFC), or a refusal naming the first character it cannot keep.
     * Tabs and line breaks pass only where {@code multiLine}.
     */
    public static String text(String text, boolean multiLine) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (Character.isHighSurrogate(c)
                    && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                int codePoint = text.codePointAt(index);
                if (isNoncharacter(codePoint)) {
                    throw refusedCharacter("noncharacter", codePoint, index);
                }
                index++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new EdgeInputException(
                        "unpaired-surrogate",
                        String.format(
                                "holds an unpaired UTF-16 surrogate (U+%04X) at position %d; send well-formed Unicode text",
                                (int) c, index));
            }
            if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                throw refusedCharacter("control-character", c, index);
            }
            if (!multiLine && isLayoutControl(c)) {
                throw refusedCharacter("layout-character", c, index);
            }
            if (isNoncharacter(c)) {
                throw refusedCharacter("noncharacter", c, index);
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A business date: {@code YYYY-MM-DD}, a real day, within the ledger's range. */
    public static LocalDate date(String text) {
        return inRange(parseDate(text));
    }

    private static LocalDate parseDate(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new EdgeInputException("format", "'" + printable(text) + "' is not a date (YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeException e) {
            throw new EdgeInputException("format", "'" + text + "' is not a date of the calendar (YYYY-MM-DD)");
        }
        return date;
    }

    public static LocalDate inRange(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new EdgeInputException("date-range", "must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return date;
    }

    /**
     * A point a read is asked for (a filter's bound, an asOf or knownAt): written as strictly as a business
     * date or instant, over the wider range of years 1 to 9999, which a view may ask about but no record holds.
     */
    public static LocalDate pointDate(String text) {
        return pointInRange(parseDate(text));
    }

    public static Instant pointInstant(String text) {
        Instant instant = parseInstant(text);
        pointInRange(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
        return instant;
    }

    /** A point given as a date (the end of that business day) or an instant, as {@code asOf} is. */
    public static <T> T pointDateOrInstant(String text, Function<LocalDate, T> onDate, Function<Instant, T> onInstant) {
        if (DATE.matcher(text).matches()) {
            return onDate.apply(pointDate(text));
        }
        if (INSTANT.matcher(text).matches()) {
            return onInstant.apply(pointInstant(text));
        }
        throw new EdgeInputException(
                "format",
                "'" + printable(text) + "' is neither a date (YYYY-MM-DD) nor an " + "instant (YYYY-MM-DDThh:mm:ssZ)");
    }

    private static LocalDate pointInRange(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new EdgeInputException("date-range", "must lie between the years 1 and 9999");
        }
        return date;
    }

    /** An instant: ISO 8601 with a four-digit year and an offset ({@code Z} or {@code +01:00}), within range. */
    public static Instant instant(String text) {
        return inRange(parseInstant(text));
    }

    private static Instant parseInstant(String text) {
        if (!INSTANT.matcher(text).matches()) {
            throw new EdgeInputException(
                    "format",
                    "'" + printable(text)
                            + "' is not an instant (YYYY-MM-DDThh:mm:ssZ or with an offset such as +01:00)");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new EdgeInputException("format", "'" + text + "' is not an instant of the calendar");
        }
        return instant;
    }

    public static Instant inRange(Instant instant) {
        if (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(END_OF_INSTANTS)) {
            throw new EdgeInputException(
                    "date-range",
                    "must lie between " + EARLIEST_INSTANT + " and " + LATEST_DATE + "T23:59:59.999999999Z");
        }
        return instant;
    }

    /** Control characters (C0, DEL, C1) as Unicode defines them (general category Cc). */
    static boolean isControl(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /**
     * Characters that change how the text around them is laid out rather than adding to it: the line and
     * paragraph separators (line breaks), the bidirectional embeddings, overrides and isolates (which can
     * make "FDP.exe" read as "exe.PDF"), and the byte order mark. Refused in one-line fields (names, ids,
     * references); a multi-line text may need them.
     */
    static boolean isLayoutControl(int codePoint) {
        return codePoint == 0x2028
                || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0xFEFF;
    }

    /** Code points Unicode reserves never to be characters: U+FDD0..U+FDEF and the last two of every plane. */
    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** The text, shortened, with what cannot be shown written as its escape, for quoting back in a message. */
    static String printable(String text) {
        return io.governanceledger.support.messaging.StorableText.escape(
                text.length() > 80 ? text.substring(0, 80) + "..." : text);
    }

    private static EdgeInputException refusedCharacter(String rule, int codePoint, int index) {
        String what = switch (rule) {
            case "noncharacter" -> "a Unicode noncharacter";
            case "layout-character" -> "a line separator, bidirectional control or byte order mark";
            default -> "a control character";
        };
        return new EdgeInputException(
                rule,
                String.format(
                        "holds %s (U+%04X) at position %d; the ledger keeps " + "printable text only%s",
                        what,
                        codePoint,
                        index,
                        rule.equals("layout-character") || (codePoint == '\n' || codePoint == '\t' || codePoint == '\r')
                                ? " (line breaks, tabs and layout controls only in multi-line fields)"
                                : ""));
    }

    /** A value the edge refuses, with the rule it breaks; the field is added by whoever knows it. */
    public static final class EdgeInputException extends IllegalArgumentException {
        private final String rule;

        public EdgeInputException(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }
}
