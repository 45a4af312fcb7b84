package shop.winback.review.reasons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the complaint reasons in a review text by its lexicon: plain string matching, so an agent
 * can always see (in {@link ReasonMatch#evidence()}) which words made the reason; a small learnt
 * guess only where the lexicon has nothing to say.
 *
 * <p>How a text is read:
 * <ol>
 * <li>Normalised like the terms ({@link NormalizedText}): full-width to half-width, the
 *     traditional characters of a small table to simplified, Latin lower-cased.</li>
 * <li>Every occurrence of every term is found; a {@code *} in a term takes the nearest fit of up
 *     to {@value #MAX_GAP} characters within the clause. Clauses end at ，。！？；、,.!?;:~ and
 *     white space.</li>
 * <li>A term counts only if not negated ({@link Negation}): no negator in its gaps (物流不慢), no
 *     negator just before it in its clause (没有破洞, 一点也不慢), not in the X of 不是 X，而是 Y
 *     (不是衣服小了，而是开线了).</li>
 * <li>Overlapping matches: one overlapping an IGNORE phrase of the lexicon is dropped; of the
 *     rest the longer wins, then the earlier (压变形 is a parcel, not 变形 quality; 压坏了 is 压坏,
 *     not 坏了; 快递员态度很差 is the courier, not the shop's service). A negated match still wins
 *     its span, so 色差不大 is not a 色差 complaint.</li>
 * <li>The words around a match may move it to another reason ({@link ReasonContext}): an attitude
 *     complaint about the courier, a comparison with the pictures that speaks of colour, breakage
 *     in a parcel damaged on the way.</li>
 * <li>Sentence patterns add what no term found ({@link ReasonPatterns}): 说是 X，结果 Y (not as
 *     described), the courier or the shop followed by a negative (their conduct), 只 + a count
 *     after an order (missing).</li>
 * <li>Nothing found, not even a negated or ignored term: the {@link FallbackModel} may guess one
 *     reason from the review's characters ({@link #classify} only, not {@link #complaintsNamed}).</li>
 * <li>One {@link ReasonMatch} per reason, in the order the reasons first occur in the text,
 *     evidence from that first occurrence; {@link ComplaintReason#OTHER} alone when nothing
 *     matched, also for null or blank text.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe; one instance serves all reviews of a lexicon.
 */
public class ReasonClassifier {

    /** How many characters a {@code *} in a term may stand for. */
    public static final int MAX_GAP = 4;

    private final ReasonLexicon lexicon;
    private final List<Term> terms;
    /** The terms and the ignored phrases by their first (normalised) character: a review is read once, not once per term. */
    private final Map<Character, List<Term>> termsByFirst;

    private final Map<Character, List<Term>> ignoredByFirst;

    private final FallbackModel fallback;

    /** The lexicon, with the default {@link FallbackModel} for reviews it says nothing about. */
    public ReasonClassifier(ReasonLexicon lexicon) {
        this(lexicon, FallbackModel.defaults());
    }

    public ReasonClassifier(ReasonLexicon lexicon, FallbackModel fallback) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        List<Term> compiled = new ArrayList<>();
        lexicon.terms()
                .forEach((reason, list) -> list.forEach(term -> compiled.add(Term.of(reason, term, compiled.size()))));
        this.terms = List.copyOf(compiled);
        List<Term> ignoredPhrases = new ArrayList<>();
        lexicon.ignoredPhrases().forEach(phrase -> ignoredPhrases.add(Term.of(null, phrase, ignoredPhrases.size())));
        this.termsByFirst = byFirstCharacter(terms);
        this.ignoredByFirst = byFirstCharacter(ignoredPhrases);
    }

    public ReasonLexicon lexicon() {
        return lexicon;
    }

    /**
     * The reasons a neutral or bad review gives, in order of first occurrence; never empty:
     * {@code [OTHER]} when none is recognised. When no term (not even a negated one) and no pattern
     * speaks to the text, the {@link FallbackModel} may guess one reason.
     */
    public List<ReasonMatch> classify(String text) {
        return classify(text, true);
    }

    /**
     * What the words of any text (a revision to GOOD may be praise) name as complaints: as
     * {@link #classify} without the guess, which learnt from complaints only.
     */
    public List<ReasonMatch> complaintsNamed(String text) {
        return classify(text, false);
    }

    private List<ReasonMatch> classify(String text, boolean guess) {
        if (text == null || text.isBlank()) {
            return List.of(ReasonMatch.other());
        }
        NormalizedText normalized = NormalizedText.of(text);
        List<Span> ignoredSpans = new ArrayList<>();
        List<Span> found = new ArrayList<>();
        String chars = normalized.text();
        for (int at = 0; at < chars.length(); at++) {
            matchAt(ignoredByFirst, normalized, at, ignoredSpans);
            matchAt(termsByFirst, normalized, at, found);
        }
        boolean termsSeen = !found.isEmpty() || !ignoredSpans.isEmpty();
        found.removeIf(span -> ignoredSpans.stream().anyMatch(span::overlaps));

        // longest match first (then the earlier, then lexicon order); it claims its characters
        found.sort(Comparator.comparingInt(Span::length)
                .reversed()
                .thenComparingInt(Span::start)
                .thenComparingInt(Span::order));
        boolean[] claimed = new boolean[normalized.text().length()];
        List<Span> kept = new ArrayList<>();
        for (Span span : found) {
            if (!span.claims(claimed)) {
                continue; // overlaps a longer match
            }
            if (!span.negated()) {
                kept.add(span);
            }
        }
        kept.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::order));
        boolean parcelDamaged = kept.stream().anyMatch(span -> span.reason() == ComplaintReason.PARCEL_DAMAGED);
        List<ReasonPatterns.Hit> hits = new ArrayList<>();
        for (Span span : kept) {
            String term = terms.get(span.order()).written();
            ComplaintReason reason = ReasonContext.reason(span.reason(), term, normalized, span.start(), parcelDamaged);
            if (reason != null) {
                hits.add(new ReasonPatterns.Hit(reason, span.start(), span.end()));
            }
        }
        ReasonPatterns.addTo(normalized, hits);
        hits.sort(Comparator.comparingInt(ReasonPatterns.Hit::start));
        Map<ComplaintReason, ReasonMatch> byReason = new LinkedHashMap<>();
        for (ReasonPatterns.Hit hit : hits) {
            byReason.putIfAbsent(
                    hit.reason(), new ReasonMatch(hit.reason(), normalized.original(hit.start(), hit.end())));
        }
        if (byReason.isEmpty() && guess && !termsSeen) {
            // a negated or ignored term means the text spoke to that and denied it: no guess then
            return List.of(fallback.guess(normalized).orElse(ReasonMatch.other()));
        }
        return byReason.isEmpty() ? List.of(ReasonMatch.other()) : List.copyOf(byReason.values());
    }

    private static void matchAt(Map<Character, List<Term>> byFirst, NormalizedText normalized, int at, List<Span> out) {
        List<Term> candidates = byFirst.get(normalized.text().charAt(at));
        if (candidates != null) {
            for (Term term : candidates) {
                term.matchAt(normalized, at, out);
            }
        }
    }

    private static Map<Character, List<Term>> byFirstCharacter(List<Term> terms) {
        Map<Character, List<Term>> byFirst = new HashMap<>();
        for (Term term : terms) {
            byFirst.computeIfAbsent(term.parts().get(0).charAt(0), c -> new ArrayList<>())
                    .add(term);
        }
        byFirst.replaceAll((c, list) -> List.copyOf(list));
        return Map.copyOf(byFirst);
    }

    /** One occurrence of a term in the normalised text, [start, end). */
    private record Span(ComplaintReason reason, int order, int start, int end, boolean negated) {

        int length() {
            return end - start;
        }

        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }

        /** Marks the span's characters as claimed, unless one of them already is. */
        boolean claims(boolean[] claimed) {
            for (int i = start; i < end; i++) {
                if (claimed[i]) {
                    return false;
                }
            }
            for (int i = start; i < end; i++) {
                claimed[i] = true;
            }
            return true;
        }
    }

    /** A lexicon term, normalised and split at its gaps. */
    private record Term(ComplaintReason reason, int order, List<String> parts) {

        /** The term as the lexicon has it, normalised, with its gaps as {@code *}. */
        String written() {
            return String.join("*", parts);
        }

        static Term of(ComplaintReason reason, String written, int order) {
            List<String> parts = new ArrayList<>();
            for (String part : written.split("\\*")) {
                String normalized = NormalizedText.normalize(part.strip());
                if (normalized.isEmpty()) {
                    throw new IllegalArgumentException("term with an empty part: " + written);
                }
                parts.add(normalized);
            }
            return new Term(reason, order, List.copyOf(parts));
        }

        /** Adds the occurrence of this term starting at {@code at}, if there is one. */
        void matchAt(NormalizedText normalized, int at, List<Span> out) {
            String text = normalized.text();
            String first = parts.get(0);
            if (!text.startsWith(first, at)) {
                return;
            }
            int end = at + first.length();
            boolean negated = false;
            for (int p = 1; p < parts.size(); p++) {
                int next = withinGap(text, parts.get(p), end);
                if (next < 0) {
                    return;
                }
                negated |= Negation.containsNegator(text, end, next);
                end = next + parts.get(p).length();
            }
            negated |= Negation.negatedBefore(text, normalized.clauseStart(at), at) || normalized.contrasted(at);
            out.add(new Span(reason, order, at, end, negated));
        }

        /** Where {@code part} starts at most {@link #MAX_GAP} characters after {@code from}, within the clause; -1 if not. */
        private static int withinGap(String text, String part, int from) {
            for (int at = from; at <= from + MAX_GAP && at + part.length() <= text.length(); at++) {
                if (text.startsWith(part, at)) {
                    return at;
                }
                if (NormalizedText.isSeparator(text.charAt(at))) {
                    return -1;
                }
            }
            return -1;
        }
    }
}
