package shop.winback.review.reasons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The terms that point to each {@link ComplaintReason}, plus phrases to ignore. Immutable: the
 * shop's own terms make a new lexicon ({@link #withExtra}), the default one stays as shipped.
 *
 * <p>Terms are kept as written; {@link ReasonClassifier} normalises them like review text. A
 * {@code *} inside a term stands for a gap of up to four characters in the same clause
 * ("物流*慢" covers 物流太慢, 物流真的好慢). The file format is described at the top of
 * {@value #DEFAULT_RESOURCE}.
 */
public final class ReasonLexicon {

    /** The default (Chinese) lexicon on the classpath. */
    public static final String DEFAULT_RESOURCE = "/reasons/lexicon-zh.txt";

    /** The pseudo-reason of the file format for phrases that look like complaints and are not. */
    static final String IGNORE = "IGNORE";

    private final Map<ComplaintReason, List<String>> terms;
    private final List<String> ignored;

    private ReasonLexicon(Map<ComplaintReason, List<String>> terms, List<String> ignored) {
        this.terms = terms;
        this.ignored = ignored;
    }

    /** The shipped lexicon, read once from {@value #DEFAULT_RESOURCE}. */
    public static ReasonLexicon defaults() {
        return Defaults.LEXICON;
    }

    /** No terms at all: every text is {@link ComplaintReason#OTHER} until terms are added. */
    public static ReasonLexicon empty() {
        return new Builder().build();
    }

    /** Reads a lexicon in the file format from a classpath resource (UTF-8). */
    public static ReasonLexicon fromResource(String resource) {
        InputStream in = ReasonLexicon.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon resource not found: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(resource, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    /**
     * Parses lines in the file format: {@code REASON<TAB>term}, {@code IGNORE<TAB>phrase},
     * {@code #} comments, blank lines.
     *
     * @param source named in error messages, with the line number
     * @throws IllegalArgumentException for a line that is not in the format
     */
    public static ReasonLexicon parse(String source, List<String> lines) {
        Builder builder = new Builder();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a BOM from an editor
            }
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String where = source + ":" + (n + 1) + ": ";
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(where + "expected REASON<TAB>term, got: " + line);
            }
            String name = line.substring(0, tab).strip();
            String term = line.substring(tab + 1);
            try {
                if (IGNORE.equals(name)) {
                    builder.ignore(term);
                } else {
                    builder.add(reason(name), term);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /**
     * This lexicon plus the shop's own terms (stored by the caller), in the same term syntax.
     * Terms already present are not repeated.
     *
     * @throws IllegalArgumentException for terms under {@link ComplaintReason#OTHER}, or a blank or
     *                                  malformed term
     */
    public ReasonLexicon withExtra(Map<ComplaintReason, List<String>> extraTerms) {
        Objects.requireNonNull(extraTerms, "extraTerms");
        Builder builder = new Builder(this);
        // in enum order, so the same extra terms give the same lexicon whatever the map's order
        for (ComplaintReason reason : ComplaintReason.values()) {
            List<String> extra = extraTerms.get(reason);
            if (extra == null) {
                continue;
            }
            for (String term : extra) {
                builder.add(reason, term);
            }
        }
        return builder.build();
    }

    /** The terms of one reason, in lexicon order; none for {@link ComplaintReason#OTHER}. */
    public List<String> terms(ComplaintReason reason) {
        return terms.getOrDefault(Objects.requireNonNull(reason, "reason"), List.of());
    }

    /** All terms by reason (reasons without terms left out). */
    public Map<ComplaintReason, List<String>> terms() {
        return terms;
    }

    /** Phrases that look like complaints and are not: a term overlapping one does not count. */
    public List<String> ignoredPhrases() {
        return ignored;
    }

    /** How many terms, over all reasons. */
    public int size() {
        return terms.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "ReasonLexicon[" + size() + " terms, " + ignored.size() + " ignored phrases]";
    }

    private static ComplaintReason reason(String name) {
        try {
            return ComplaintReason.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown reason " + name);
        }
    }

    /**
     * Checks a term and returns it trimmed: one line of printable text, a gap ({@code *}) only between
     * two parts. What a shop may store, and what the classifier accepts.
     *
     * @throws IllegalArgumentException saying what is wrong with the term
     */
    public static String checkedTerm(String term) {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        String t = term.strip();
        if (t.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must be one line without tabs or other control characters");
        }
        for (String part : t.split("\\*", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("a gap (*) must stand between two non-blank parts: " + t);
            }
        }
        return t;
    }

    private static final class Builder {
        private final Map<ComplaintReason, Set<String>> terms = new EnumMap<>(ComplaintReason.class);
        private final Set<String> ignored = new LinkedHashSet<>();

        Builder() {}

        Builder(ReasonLexicon from) {
            from.terms.forEach((reason, list) -> terms.put(reason, new LinkedHashSet<>(list)));
            ignored.addAll(from.ignored);
        }

        void add(ComplaintReason reason, String term) {
            Objects.requireNonNull(reason, "reason");
            if (reason == ComplaintReason.OTHER) {
                throw new IllegalArgumentException("OTHER takes no terms: it is what no match means");
            }
            terms.computeIfAbsent(reason, r -> new LinkedHashSet<>()).add(checkedTerm(term));
        }

        void ignore(String phrase) {
            ignored.add(checkedTerm(phrase));
        }

        ReasonLexicon build() {
            Map<ComplaintReason, List<String>> frozen = new EnumMap<>(ComplaintReason.class);
            terms.forEach((reason, set) -> frozen.put(reason, List.copyOf(set)));
            return new ReasonLexicon(Collections.unmodifiableMap(frozen), List.copyOf(ignored));
        }
    }

    /** Loaded on first use (holder idiom), then shared: the lexicon is immutable. */
    private static final class Defaults {
        static final ReasonLexicon LEXICON = fromResource(DEFAULT_RESOURCE);
    }
}
