package io.governanceledger.support.web;

import io.governanceledger.support.messaging.StorableText;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the edge's text rule, over text drawn from the whole UTF-16 range. */
class EdgeInputProperties {

    /** Whatever the edge accepts a read model stores as it is, NFC; whatever it refuses names a rule. */
    @Property(tries = 5_000)
    void acceptedTextIsStorableAndNormalisedRefusedTextNamesItsRule(
            @ForAll @StringLength(max = 40) @CharRange(from = '\u0000', to = '\uffff') String text,
            @ForAll boolean multiLine) {
        String kept;
        try {
            kept = EdgeInput.text(text, multiLine);
        } catch (EdgeInput.EdgeInputException refused) {
            assertThat(refused.rule()).isIn("control-character", "unpaired-surrogate", "noncharacter", "layout-character");
            return;
        }
        assertThat(Normalizer.isNormalized(kept, Normalizer.Form.NFC)).isTrue();
        assertThat(StorableText.escape(kept)).isEqualTo(kept);
        assertThat(EdgeInput.text(kept, multiLine)).as("the rule is stable").isEqualTo(kept);
    }

    /** Printable text of any script passes, unchanged but for normalisation. */
    @Property(tries = 2_000)
    void printableTextOfAnyScriptIsKept(@ForAll @StringLength(max = 60)
                                        @CharRange(from = '\u0020', to = '\u007e')
                                        @CharRange(from = '\u00a0', to = '\ud7ff')
                                        @CharRange(from = '\ue000', to = '\ufdcf')
                                        @CharRange(from = '\ufdf0', to = '\ufffd') String text) {
        Assume.that(text.chars().noneMatch(EdgeInput::isLayoutControl));
        assertThat(EdgeInput.text(text, false)).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
    }
}
