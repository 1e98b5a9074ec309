package io.governanceledger.query.workspace;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** The languages the workspace speaks; a browser asking for another one gets English. */
final class WorkspaceLanguages {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("nl"));

    private WorkspaceLanguages() {}

    /** The first of the browser's languages (in its order of preference) that the workspace speaks. */
    static Locale closest(Enumeration<Locale> asked) {
        while (asked.hasMoreElements()) {
            Locale locale = asked.nextElement();
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(locale.getLanguage())) {
                    return locale.getCountry().isEmpty() ? supported : locale;
                }
            }
        }
        return Locale.ENGLISH;
    }

    /** A language the workspace speaks, for a locale that may come from anywhere (a cookie, a link). */
    static Locale supported(Locale locale) {
        for (Locale supported : SUPPORTED) {
            if (supported.getLanguage().equals(locale.getLanguage())) {
                return locale;
            }
        }
        return Locale.ENGLISH;
    }
}
