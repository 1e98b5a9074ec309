package io.governanceledger.command.contracts;

import io.governanceledger.events.contracts.AuthorityKind;
import io.governanceledger.events.contracts.ContractRegime;
import io.governanceledger.events.contracts.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The EU thresholds (they change every two years) with their dates of validity, and the shares that
 * cap modifications; all configuration, never code: {@code ledger.procurement.*}.
 */
@ConfigurationProperties(prefix = "ledger.procurement")
public class ProcurementThresholds {

    private List<Period> thresholds = new ArrayList<>();
    /** The currency the thresholds are published in. */
    private String currency = "EUR";
    /** Share of the reference value below which de minimis modifications of works must stay. */
    private BigDecimal deMinimisShareWorks = new BigDecimal("0.15");
    /** The same for supplies and services. */
    private BigDecimal deMinimisShareSuppliesServices = new BigDecimal("0.10");
    /** Largest increase, as a share of the reference value, of one additional-works or unforeseeable modification. */
    private BigDecimal additionalModificationCapShare = new BigDecimal("0.50");

    /** The threshold that applies to a contract on a date, if one is configured for that date. */
    public Optional<BigDecimal> euThreshold(
            ContractRegime regime, ContractType type, AuthorityKind authority, LocalDate date) {
        return thresholds.stream()
                .filter(period -> !date.isBefore(period.getValidFrom()) && !date.isAfter(period.getValidTo()))
                .findFirst()
                .map(period -> {
                    if (type == ContractType.WORKS) {
                        return period.getWorks();
                    }
                    if (regime == ContractRegime.UTILITIES) {
                        return period.getUtilitiesSuppliesServices();
                    }
                    return authority == AuthorityKind.CENTRAL
                            ? period.getSuppliesServicesCentral()
                            : period.getSuppliesServicesOther();
                });
    }

    public BigDecimal deMinimisShare(ContractType type) {
        return type == ContractType.WORKS ? deMinimisShareWorks : deMinimisShareSuppliesServices;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public List<Period> getThresholds() {
        return thresholds;
    }

    public void setThresholds(List<Period> thresholds) {
        this.thresholds = thresholds;
    }

    public BigDecimal getDeMinimisShareWorks() {
        return deMinimisShareWorks;
    }

    public void setDeMinimisShareWorks(BigDecimal share) {
        this.deMinimisShareWorks = share;
    }

    public BigDecimal getDeMinimisShareSuppliesServices() {
        return deMinimisShareSuppliesServices;
    }

    public void setDeMinimisShareSuppliesServices(BigDecimal share) {
        this.deMinimisShareSuppliesServices = share;
    }

    public BigDecimal getAdditionalModificationCapShare() {
        return additionalModificationCapShare;
    }

    public void setAdditionalModificationCapShare(BigDecimal share) {
        this.additionalModificationCapShare = share;
    }

    /** The thresholds of one two-year period, in euro. */
    public static class Period {
        private LocalDate validFrom;
        private LocalDate validTo;
        private BigDecimal works;
        private BigDecimal suppliesServicesCentral;
        private BigDecimal suppliesServicesOther;
        private BigDecimal utilitiesSuppliesServices;

        public Period() {}

        public Period(
                LocalDate validFrom, LocalDate validTo, String works, String central, String other, String utilities) {
            this.validFrom = validFrom;
            this.validTo = validTo;
            this.works = new BigDecimal(works);
            this.suppliesServicesCentral = new BigDecimal(central);
            this.suppliesServicesOther = new BigDecimal(other);
            this.utilitiesSuppliesServices = new BigDecimal(utilities);
        }

        public LocalDate getValidFrom() {
            return validFrom;
        }

        public void setValidFrom(LocalDate validFrom) {
            this.validFrom = validFrom;
        }

        public LocalDate getValidTo() {
            return validTo;
        }

        public void setValidTo(LocalDate validTo) {
            this.validTo = validTo;
        }

        public BigDecimal getWorks() {
            return works;
        }

        public void setWorks(BigDecimal works) {
            this.works = works;
        }

        public BigDecimal getSuppliesServicesCentral() {
            return suppliesServicesCentral;
        }

        public void setSuppliesServicesCentral(BigDecimal value) {
            this.suppliesServicesCentral = value;
        }

        public BigDecimal getSuppliesServicesOther() {
            return suppliesServicesOther;
        }

        public void setSuppliesServicesOther(BigDecimal value) {
            this.suppliesServicesOther = value;
        }

        public BigDecimal getUtilitiesSuppliesServices() {
            return utilitiesSuppliesServices;
        }

        public void setUtilitiesSuppliesServices(BigDecimal value) {
            this.utilitiesSuppliesServices = value;
        }
    }
}
