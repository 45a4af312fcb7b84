package shop.winback.review.reasons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures the classifier against hand-labelled reviews: per reason precision, recall and F1,
 * micro and macro F1, exact-match rate, and the reviews it got wrong.
 *
 * <p>Pure Java (no test framework), so it also runs on demand after {@code mvn -pl review-service
 * test-compile}:
 * <pre>
 * java -cp review-service/target/classes:review-service/target/test-classes \
 *      shop.winback.review.reasons.ReasonEvaluation [resource ...]
 * </pre>
 * Without arguments it evaluates {@value #LABELLED} (the set the lexicon was developed on and the
 * fallback model learns from, in main resources) and {@value #HELD_OUT} (in test resources, never
 * tuned on; shown without its misses).
 */
public final class ReasonEvaluation {

    /** The labelled set the lexicon was developed against and {@link FallbackModel} learns from. */
    public static final String LABELLED = "/reasons/labelled-reviews.tsv";
    /** Reviews written after the lexicon was settled, to see how it does on text it has not been fitted to. */
    public static final String HELD_OUT = "/reasons/held-out-reviews.tsv";

    private ReasonEvaluation() {}

    /** A review text and the reasons a person read in it. */
    public record LabelledReview(int line, String text, Set<ComplaintReason> reasons) {}

    /** One reason's counts over the set. */
    public record Score(ComplaintReason reason, int truePositives, int falsePositives, int falseNegatives) {

        public int support() {
            return truePositives + falseNegatives;
        }

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double f1() {
            return ReasonEvaluation.f1(precision(), recall());
        }
    }

    /** A review the classifier did not read as labelled. */
    public record Miss(LabelledReview review, Set<ComplaintReason> predicted, List<ReasonMatch> matches) {}

    public record Report(String name, int reviews, List<Score> scores, List<Miss> misses) {

        public Score score(ComplaintReason reason) {
            return scores.stream().filter(s -> s.reason() == reason).findFirst().orElseThrow();
        }

        /** F1 over the pooled counts of all reasons (OTHER included). */
        public double microF1() {
            int tp = scores.stream().mapToInt(Score::truePositives).sum();
            int fp = scores.stream().mapToInt(Score::falsePositives).sum();
            int fn = scores.stream().mapToInt(Score::falseNegatives).sum();
            return f1(ratio(tp, tp + fp), ratio(tp, tp + fn));
        }

        /** Mean F1 of the reasons that occur in the set or were predicted (OTHER included). */
        public double macroF1() {
            return scores.stream()
                    .filter(s -> s.support() + s.falsePositives() > 0)
                    .mapToDouble(Score::f1)
                    .average()
                    .orElse(0);
        }

        /** Share of reviews whose predicted reasons equal the labelled ones exactly. */
        public double exactMatch() {
            return ratio(reviews - misses.size(), reviews);
        }

        /** The per-reason table, the summary and every miss. */
        public String table() {
            return table(true);
        }

        /**
         * The per-reason table and the summary, with the misses or without: the held-out set is
         * shown without, so nobody fits the lexicon to its lines one by one.
         */
        public String table(boolean withMisses) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n%s: %d reviews%n", name, reviews));
            out.append(String.format(
                    Locale.ROOT,
                    "%-17s %7s %4s %4s %4s %9s %7s %6s%n",
                    "reason",
                    "support",
                    "tp",
                    "fp",
                    "fn",
                    "precision",
                    "recall",
                    "f1"));
            for (Score s : scores) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-17s %7d %4d %4d %4d %9.3f %7.3f %6.3f%n",
                        s.reason(),
                        s.support(),
                        s.truePositives(),
                        s.falsePositives(),
                        s.falseNegatives(),
                        s.precision(),
                        s.recall(),
                        s.f1()));
            }
            out.append(String.format(
                    Locale.ROOT,
                    "micro F1 %.3f   macro F1 %.3f   exact match %.3f (%d of %d)%n",
                    microF1(),
                    macroF1(),
                    exactMatch(),
                    reviews - misses.size(),
                    reviews));
            for (Miss miss : withMisses ? misses : List.<Miss>of()) {
                out.append(String.format(
                        Locale.ROOT,
                        "  line %d: expected %s, got %s  %s%n",
                        miss.review().line(),
                        miss.review().reasons(),
                        miss.predicted(),
                        describe(miss)));
            }
            return out.toString();
        }

        private static String describe(Miss miss) {
            return miss.review().text() + "  "
                    + miss.matches().stream()
                            .filter(m -> m.reason() != ComplaintReason.OTHER)
                            .map(m -> m.reason() + "=\"" + m.evidence() + "\"")
                            .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    public static Report evaluate(String name, ReasonClassifier classifier, List<LabelledReview> reviews) {
        int[] tp = new int[ComplaintReason.values().length];
        int[] fp = new int[tp.length];
        int[] fn = new int[tp.length];
        List<Miss> misses = new ArrayList<>();
        for (LabelledReview review : reviews) {
            List<ReasonMatch> matches = classifier.classify(review.text());
            Set<ComplaintReason> predicted = EnumSet.noneOf(ComplaintReason.class);
            matches.forEach(m -> predicted.add(m.reason()));
            for (ComplaintReason reason : ComplaintReason.values()) {
                boolean expected = review.reasons().contains(reason);
                boolean got = predicted.contains(reason);
                if (expected && got) {
                    tp[reason.ordinal()]++;
                } else if (got) {
                    fp[reason.ordinal()]++;
                } else if (expected) {
                    fn[reason.ordinal()]++;
                }
            }
            if (!predicted.equals(review.reasons())) {
                misses.add(new Miss(review, predicted, matches));
            }
        }
        List<Score> scores = new ArrayList<>();
        for (ComplaintReason reason : ComplaintReason.values()) {
            scores.add(new Score(reason, tp[reason.ordinal()], fp[reason.ordinal()], fn[reason.ordinal()]));
        }
        return new Report(name, reviews.size(), List.copyOf(scores), List.copyOf(misses));
    }

    /** Reads {@code text<TAB>REASON[,REASON...]} lines; {@code #} comments and blank lines are skipped. */
    public static List<LabelledReview> load(String resource) {
        InputStream in = ReasonEvaluation.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("labelled set not found: " + resource);
        }
        List<LabelledReview> reviews = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalArgumentException(
                            resource + ":" + n + ": expected text<TAB>REASONS, got: " + line);
                }
                Set<ComplaintReason> reasons = EnumSet.noneOf(ComplaintReason.class);
                for (String name : columns[1].split(",")) {
                    reasons.add(ComplaintReason.valueOf(name.strip()));
                }
                if (reasons.contains(ComplaintReason.OTHER) && reasons.size() > 1) {
                    throw new IllegalArgumentException(resource + ":" + n + ": OTHER with other reasons");
                }
                reviews.add(new LabelledReview(n, columns[0], Set.copyOf(reasons)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(reviews);
    }

    public static void main(String[] args) {
        ReasonClassifier classifier = new ReasonClassifier(ReasonLexicon.defaults());
        List<String> resources = args.length > 0 ? List.of(args) : List.of(LABELLED, HELD_OUT);
        for (String resource : resources) {
            System.out.print(evaluate(resource, classifier, load(resource)).table(!resource.equals(HELD_OUT)));
        }
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
