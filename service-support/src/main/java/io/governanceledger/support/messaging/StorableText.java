package io.governanceledger.support.messaging;

/**
 * Text from an event as a read model can store and show it. The HTTP edge refuses control characters,
 * unpaired surrogates and noncharacters, but a ledger written before it did may hold them, and its
 * events can never change: PostgreSQL refuses NUL in text and both NUL and unpaired surrogates in
 * jsonb. Such a character is written visibly as its escape ({@code \u0000}), so every read model
 * takes the event in and an auditor sees exactly which character the record holds.
 */
public final class StorableText {

    private StorableText() {}

    public static String escape(String text) {
        int first = firstUnstorable(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int index = first; index < text.length(); index++) {
            char c = text.charAt(index);
            if (Character.isHighSurrogate(c)
                    && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                out.append(c).append(text.charAt(++index));
            } else if (unstorable(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnstorable(String text) {
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (Character.isHighSurrogate(c)
                    && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (unstorable(c)) {
                return index;
            }
        }
        return -1;
    }

    /** NUL and the other controls but tab and line breaks, and a surrogate standing alone. */
    private static boolean unstorable(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || Character.isSurrogate(c);
    }
}
