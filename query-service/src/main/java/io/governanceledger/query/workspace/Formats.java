package io.governanceledger.query.workspace;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, instants and money as the reader's language writes them ({@code 31 March 2026},
 * {@code 31 mars 2026}, {@code 31 maart 2026}; {@code €1,234.50}, {@code 1 234,50 €}, {@code € 1.234,50});
 * instants in the business calendar's zone, which the page names.
 */
public final class Formats {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter shortDates;
    private final DateTimeFormatter times;

    Formats(Locale locale, ZoneId zone) {
        Locale language = WorkspaceLanguages.supported(locale);
        // English as written in Europe (7 December 2026), unless the browser asks for a country's own
        this.locale =
                language.getLanguage().equals("en") && language.getCountry().isEmpty() ? Locale.UK : language;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.locale);
        this.shortDates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(this.locale);
        this.times = DateTimeFormatter.ofPattern("HH:mm:ss", this.locale);
    }

    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    public String shortDate(LocalDate date) {
        return date == null ? "" : shortDates.format(date);
    }

    /** The date part of an instant, in the business zone. */
    public String dateOf(Instant instant) {
        return instant == null ? "" : dates.format(instant.atZone(zone));
    }

    /** The time of day of an instant, in the business zone, to the second. */
    public String timeOf(Instant instant) {
        return instant == null ? "" : times.format(instant.atZone(zone));
    }

    /** An instant as date and time, in the business zone. */
    public String instant(Instant instant) {
        return instant == null ? "" : shortDates.format(instant.atZone(zone)) + " " + timeOf(instant);
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return number(amount) + (currency == null ? "" : " " + currency);
        }
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    public String number(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** A share as a whole percentage ({@code 42 %} or {@code 42%} as the language writes it). */
    public String percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        return format.format(part.divide(whole, 4, java.math.RoundingMode.HALF_UP));
    }

    public String zone() {
        return zone.getId();
    }

    public String language() {
        return locale.getLanguage();
    }
}
