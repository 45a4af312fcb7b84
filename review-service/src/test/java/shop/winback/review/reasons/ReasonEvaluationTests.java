package shop.winback.review.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.winback.review.reasons.ReasonEvaluation.LabelledReview;
import shop.winback.review.reasons.ReasonEvaluation.Report;
import shop.winback.review.reasons.ReasonEvaluation.Score;

/**
 * The classifier against the hand-labelled reviews, with floors it clears with margin, so a
 * lexicon, pattern or model change that makes it worse fails here. Prints the tables (also
 * available as {@link ReasonEvaluation#main}).
 *
 * <p>Two sets. {@value ReasonEvaluation#LABELLED} is the development set: the lexicon and the
 * patterns were improved against it and the fallback model learns from it, so its figures are
 * optimistic. {@value ReasonEvaluation#HELD_OUT} was written before the lexicon was reworked and has
 * never been tuned on: its figures are what to expect on new reviews. Its table shows no misses, so
 * nobody fits the lexicon to its lines; to develop on it, move it into the labelled set and write a
 * fresh held-out set first.
 */
class ReasonEvaluationTests {

    private final ReasonClassifier classifier = new ReasonClassifier(ReasonLexicon.defaults());

    @Test
    void theLabelledSetsCoverEveryReasonAndTheHeldOutPartIsAFifthOrMore() {
        List<LabelledReview> labelled = ReasonEvaluation.load(ReasonEvaluation.LABELLED);
        List<LabelledReview> heldOut = ReasonEvaluation.load(ReasonEvaluation.HELD_OUT);
        assertThat(labelled.size() + heldOut.size()).isGreaterThanOrEqualTo(300);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(100);
        for (ComplaintReason reason : ComplaintReason.values()) {
            assertThat(count(labelled, reason)).as("labelled " + reason).isGreaterThanOrEqualTo(30);
            assertThat(count(heldOut, reason)).as("held-out " + reason).isGreaterThanOrEqualTo(8);
        }
        assertThat(heldOut.stream().filter(r -> r.reasons().size() > 1).count())
                .as("held-out reviews with several reasons")
                .isGreaterThanOrEqualTo(8);
        List<String> labelledTexts = labelled.stream().map(LabelledReview::text).toList();
        assertThat(heldOut)
                .as("a held-out review also in the labelled set")
                .noneMatch(r -> labelledTexts.contains(r.text()));
    }

    @Test
    void onTheLabelledSetTheClassifierClearsItsFloors() {
        Report report = ReasonEvaluation.evaluate(
                "labelled (development) set", classifier, ReasonEvaluation.load(ReasonEvaluation.LABELLED));
        System.out.print(report.table());

        // measured when written: macro F1 0.986, micro F1 0.987, lowest recall 0.918, lowest reason precision 0.971
        assertThat(report.macroF1()).as("macro F1").isGreaterThanOrEqualTo(0.93);
        assertThat(report.microF1()).as("micro F1").isGreaterThanOrEqualTo(0.93);
        for (Score score : report.scores()) {
            assertThat(score.recall()).as("recall of " + score.reason()).isGreaterThanOrEqualTo(0.85);
        }
        for (Score score : reasonScores(report)) {
            assertThat(score.precision()).as("precision of " + score.reason()).isGreaterThanOrEqualTo(0.93);
        }
    }

    @Test
    void onTheHeldOutSetMacroF1IsAtLeast085() {
        Report report = ReasonEvaluation.evaluate(
                "held-out set (never tuned on)", classifier, ReasonEvaluation.load(ReasonEvaluation.HELD_OUT));
        System.out.print(report.table(false));

        // measured when written: macro F1 0.942, micro F1 0.940, lowest reason precision 0.769 (NOT_AS_DESCRIBED),
        // lowest recall 0.833 (COURIER_CONDUCT)
        assertThat(report.macroF1()).as("macro F1").isGreaterThanOrEqualTo(0.85);
        int truePositives =
                reasonScores(report).stream().mapToInt(Score::truePositives).sum();
        int falsePositives =
                reasonScores(report).stream().mapToInt(Score::falsePositives).sum();
        assertThat((double) truePositives / (truePositives + falsePositives))
                .as("precision over the reasons")
                .isGreaterThanOrEqualTo(0.85);
        for (Score score : reasonScores(report)) {
            assertThat(score.f1()).as("F1 of " + score.reason()).isGreaterThanOrEqualTo(0.7);
        }
    }

    @Test
    void withoutTheFallbackTheLexiconAloneStaysPreciseOnTheHeldOutSet() {
        Report report = ReasonEvaluation.evaluate(
                "held-out set, lexicon and patterns only",
                new ReasonClassifier(ReasonLexicon.defaults(), FallbackModel.none()),
                ReasonEvaluation.load(ReasonEvaluation.HELD_OUT));
        System.out.print(report.table(false));

        // measured when written: macro F1 0.810, precision over the reasons 0.941
        assertThat(report.macroF1()).as("macro F1").isGreaterThanOrEqualTo(0.75);
        int truePositives =
                reasonScores(report).stream().mapToInt(Score::truePositives).sum();
        int falsePositives =
                reasonScores(report).stream().mapToInt(Score::falsePositives).sum();
        assertThat((double) truePositives / (truePositives + falsePositives))
                .as("precision over the reasons")
                .isGreaterThanOrEqualTo(0.9);
    }

    private static long count(List<LabelledReview> reviews, ComplaintReason reason) {
        return reviews.stream().filter(r -> r.reasons().contains(reason)).count();
    }

    /** The scores of the real reasons: OTHER's precision only mirrors the others' recall. */
    private static List<Score> reasonScores(Report report) {
        return Arrays.stream(ComplaintReason.values())
                .filter(r -> r != ComplaintReason.OTHER)
                .map(report::score)
                .toList();
    }
}
