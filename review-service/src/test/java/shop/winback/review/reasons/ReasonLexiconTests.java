package shop.winback.review.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static shop.winback.review.reasons.ComplaintReason.OTHER;
import static shop.winback.review.reasons.ComplaintReason.PRICE;
import static shop.winback.review.reasons.ComplaintReason.QUALITY_DAMAGE;
import static shop.winback.review.reasons.ComplaintReason.SIZE_FIT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexicon file format, the default lexicon, and extending it with a shop's terms. */
class ReasonLexiconTests {

    @Test
    void theDefaultLexiconHasTermsForEveryReasonButOther() {
        ReasonLexicon lexicon = ReasonLexicon.defaults();
        Arrays.stream(ComplaintReason.values())
                .filter(r -> r != OTHER)
                .forEach(reason ->
                        assertThat(lexicon.terms(reason)).as(reason.name()).isNotEmpty());
        assertThat(lexicon.terms(OTHER)).isEmpty();
        assertThat(lexicon.ignoredPhrases()).contains("贵州", "差不多");
        assertThat(ReasonLexicon.defaults()).isSameAs(lexicon);
    }

    @Test
    void theDefaultLexiconIsWrittenInSimplifiedCharacters() {
        // the traditional table is applied to terms too, but a term written in traditional characters
        // would be a sign the table and the lexicon drifted apart
        ReasonLexicon lexicon = ReasonLexicon.defaults();
        lexicon.terms().values().stream().flatMap(List::stream).forEach(term -> {
            for (char c : term.toCharArray()) {
                assertThat(TraditionalChinese.toSimplified(c)).as(term).isEqualTo(c);
            }
        });
    }

    @Test
    void theTraditionalTableLoads() {
        assertThat(TraditionalChinese.size()).isGreaterThan(300);
        assertThat(TraditionalChinese.toSimplified('質')).isEqualTo('质');
        assertThat(TraditionalChinese.toSimplified('质')).isEqualTo('质');
    }

    @Test
    void parsesTheLineFormat() {
        ReasonLexicon lexicon = ReasonLexicon.parse(
                "test",
                List.of(
                        "\uFEFF# a comment",
                        "",
                        "QUALITY_DAMAGE\t破洞",
                        "  # an indented comment",
                        "QUALITY_DAMAGE\t质量*差 ",
                        "QUALITY_DAMAGE\t破洞",
                        "PRICE\t贵",
                        "IGNORE\t贵州"));
        assertThat(lexicon.terms(QUALITY_DAMAGE)).containsExactly("破洞", "质量*差");
        assertThat(lexicon.terms(PRICE)).containsExactly("贵");
        assertThat(lexicon.terms(SIZE_FIT)).isEmpty();
        assertThat(lexicon.ignoredPhrases()).containsExactly("贵州");
        assertThat(lexicon.size()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "QUALITY_DAMAGE 破洞",
                "QUALITY_DAMAGES\t破洞",
                "OTHER\t随便",
                "PRICE\t",
                "PRICE\t*贵",
                "PRICE\t贵*",
                "PRICE\t价格**高",
                "PRICE\t价格* *高"
            })
    void rejectsALineNotInTheFormatNamingTheLine(String line) {
        assertThatThrownBy(() -> ReasonLexicon.parse("lexicon-test.txt", List.of("# ok", line)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lexicon-test.txt:2: ");
    }

    @Test
    void withExtraReturnsANewLexiconAndLeavesThisOneAlone() {
        ReasonLexicon base = ReasonLexicon.parse("test", List.of("QUALITY_DAMAGE\t破洞"));
        ReasonLexicon extended = base.withExtra(Map.of(QUALITY_DAMAGE, List.of("掉钻", "破洞"), PRICE, List.of("小贵")));

        assertThat(extended.terms(QUALITY_DAMAGE)).containsExactly("破洞", "掉钻");
        assertThat(extended.terms(PRICE)).containsExactly("小贵");
        assertThat(base.terms(QUALITY_DAMAGE)).containsExactly("破洞");
        assertThat(base.terms(PRICE)).isEmpty();
    }

    @Test
    void isImmutable() {
        ReasonLexicon lexicon = ReasonLexicon.defaults();
        assertThatThrownBy(() -> lexicon.terms().put(OTHER, List.of("x")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lexicon.terms(PRICE).add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> lexicon.ignoredPhrases().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void extraTermsMustBeTermsOfARealReason() {
        ReasonLexicon lexicon = ReasonLexicon.empty();
        assertThatThrownBy(() -> lexicon.withExtra(Map.of(OTHER, List.of("随便"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lexicon.withExtra(Map.of(PRICE, List.of(" "))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lexicon.withExtra(Map.of(PRICE, List.of("贵*"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
