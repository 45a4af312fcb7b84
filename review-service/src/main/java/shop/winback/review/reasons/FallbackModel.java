package shop.winback.review.reasons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reason a neutral or bad review most likely gives when no lexicon term, negated term or
 * pattern said anything: a naive Bayes guess over the review's characters and character pairs,
 * learnt from the labelled reviews shipped with the lexicon ({@value #DEFAULT_RESOURCE}).
 *
 * <p>Why: a lexicon cannot list every way buyers put a complaint (伞骨一吹就折了, 屏幕有坏点); the
 * characters around it still say a lot. Measured on round 8 of the labelled set with the lexicon
 * as it was before that round, the guess raised macro F1 from 0.63 to 0.85 (ReasonEvaluationTests
 * has the figures on the held-out set).
 *
 * <p>How: one-vs-rest per reason, OTHER included. A feature (a character, or two adjacent ones
 * within a clause) weighs log(P(feature | reason) / P(feature | not reason)), smoothed; a review
 * scores its prior log-odds plus the weights of the distinct features it has. The best reason is
 * guessed only when it scores above {@value #THRESHOLD} and above OTHER. Its evidence is the
 * feature of the review that weighed most for it, so an agent still sees which words made it.
 *
 * <p>Learnt once, immutable, shared. A guess costs one map look-up per feature of the review.
 */
public final class FallbackModel {

    /** The labelled reviews the default model learns from; the held-out set is not among them. */
    public static final String DEFAULT_RESOURCE = "/reasons/labelled-reviews.tsv";

    /** Log-odds a reason must beat (chosen on round 8 of the labelled set: 4 scored best, 2 to 10 within 0.03). */
    static final double THRESHOLD = 4.0;

    private static final int REASONS = ComplaintReason.values().length;

    /** Per feature, its weight for each reason (by ordinal). */
    private final Map<String, double[]> weights;

    private final double[] priors;

    private FallbackModel(Map<String, double[]> weights, double[] priors) {
        this.weights = weights;
        this.priors = priors;
    }

    /** A review text and the reasons a person read in it. */
    public record Example(String text, Set<ComplaintReason> reasons) {}

    /** Learnt from {@value #DEFAULT_RESOURCE} on first use. */
    public static FallbackModel defaults() {
        return Defaults.MODEL;
    }

    /** A model that never guesses: the classifier answers from its lexicon alone. */
    public static FallbackModel none() {
        return new FallbackModel(Map.of(), null);
    }

    public static FallbackModel learn(List<Example> examples) {
        int[] positives = new int[REASONS];
        Map<String, int[]> counts = new HashMap<>();
        for (Example example : examples) {
            for (ComplaintReason reason : example.reasons()) {
                positives[reason.ordinal()]++;
            }
            for (String feature :
                    features(NormalizedText.of(example.text()).text()).keySet()) {
                int[] byReason = counts.computeIfAbsent(feature, f -> new int[REASONS]);
                for (ComplaintReason reason : example.reasons()) {
                    byReason[reason.ordinal()]++;
                }
            }
        }
        int total = examples.size();
        Map<String, double[]> weights = new HashMap<>();
        Map<String, Integer> documents = documentCounts(examples);
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int withFeature = documents.get(entry.getKey());
            double[] w = new double[REASONS];
            for (int r = 0; r < REASONS; r++) {
                int pos = positives[r];
                int neg = total - pos;
                int inPos = entry.getValue()[r];
                int inNeg = withFeature - inPos;
                w[r] = Math.log(((inPos + 0.5) / (pos + 1)) / ((inNeg + 0.5) / (neg + 1)));
            }
            weights.put(entry.getKey(), w);
        }
        double[] priors = new double[REASONS];
        for (int r = 0; r < REASONS; r++) {
            int pos = positives[r];
            priors[r] = pos == 0 || pos == total ? Double.NEGATIVE_INFINITY : Math.log((double) pos / (total - pos));
        }
        return new FallbackModel(Map.copyOf(weights), priors);
    }

    private static Map<String, Integer> documentCounts(List<Example> examples) {
        Map<String, Integer> documents = new HashMap<>();
        for (Example example : examples) {
            for (String feature :
                    features(NormalizedText.of(example.text()).text()).keySet()) {
                documents.merge(feature, 1, Integer::sum);
            }
        }
        return documents;
    }

    /** The guess for a review no term or pattern spoke to; empty when no reason is likely enough. */
    Optional<ReasonMatch> guess(NormalizedText text) {
        if (priors == null) {
            return Optional.empty();
        }
        Map<String, Integer> features = features(text.text());
        double[] scores = priors.clone();
        for (String feature : features.keySet()) {
            double[] w = weights.get(feature);
            if (w != null) {
                for (int r = 0; r < REASONS; r++) {
                    scores[r] += w[r];
                }
            }
        }
        int other = ComplaintReason.OTHER.ordinal();
        int best = -1;
        for (int r = 0; r < REASONS; r++) {
            if (r != other && (best < 0 || scores[r] > scores[best])) {
                best = r;
            }
        }
        if (scores[best] <= THRESHOLD || scores[best] <= scores[other]) {
            return Optional.empty();
        }
        String evidence = null;
        double strongest = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Integer> feature : features.entrySet()) {
            double[] w = weights.get(feature.getKey());
            if (w != null && w[best] > strongest) {
                strongest = w[best];
                int at = feature.getValue();
                evidence = text.original(at, at + feature.getKey().length());
            }
        }
        return Optional.of(new ReasonMatch(ComplaintReason.values()[best], evidence == null ? "" : evidence));
    }

    /** Each character and each pair of adjacent characters within a clause, with where it first occurs. */
    private static Map<String, Integer> features(String text) {
        Map<String, Integer> features = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NormalizedText.isSeparator(c)) {
                continue;
            }
            features.putIfAbsent(String.valueOf(c), i);
            if (i + 1 < text.length() && !NormalizedText.isSeparator(text.charAt(i + 1))) {
                features.putIfAbsent(text.substring(i, i + 2), i);
            }
        }
        return features;
    }

    /** Reads {@code text<TAB>REASON[,REASON...]} lines; {@code #} comments and blank lines are skipped. */
    public static List<Example> read(String resource) {
        InputStream in = FallbackModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("labelled reviews not found: " + resource);
        }
        List<Example> examples = new ArrayList<>();
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
                examples.add(new Example(columns[0], Set.copyOf(reasons)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(examples);
    }

    private static final class Defaults {
        static final FallbackModel MODEL = learn(read(DEFAULT_RESOURCE));
    }
}
