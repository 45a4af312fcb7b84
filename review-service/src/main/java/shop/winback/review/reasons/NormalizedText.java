package shop.winback.review.reasons;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Review text prepared for matching: NFKC (full-width letters, digits, punctuation and the
 * ideographic space become their half-width forms), the traditional characters of
 * {@link TraditionalChinese} made simplified, Latin lower-cased. Each normalised character
 * remembers which original characters it came from, so a match can be shown to an agent as the
 * buyer wrote it.
 */
final class NormalizedText {

    /** Clause boundaries, after normalisation (，！？；： have become ,!?;:, 。 and 、 stay). */
    private static final String SEPARATORS = ",.!?;:~、。";

    private final String original;
    private final String text;
    /** For each normalised character: where its original character starts and ends. */
    private final int[] originalStart;

    private final int[] originalEnd;
    /** For each normalised character: where its clause starts (computed once, asked per match). */
    private final int[] clauseStart;
    /** For each normalised character: whether it stands in the X of 不是 X，而是 Y (null: no such X in the text). */
    private final boolean[] contrasted;

    private NormalizedText(String original, String text, int[] originalStart, int[] originalEnd) {
        this.original = original;
        this.text = text;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
        this.clauseStart = new int[text.length()];
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isSeparator(text.charAt(i))) {
                start = i + 1;
            }
            clauseStart[i] = start;
        }
        this.contrasted = contrasted(text, clauseStart);
    }

    /**
     * Marks the X of "不是 X，而是 Y" / "不是 X，是 Y" / "不是 X 而是 Y": what the buyer says the
     * problem is not. Null when the text has no 不是 (most reviews), so this costs one search.
     */
    private static boolean[] contrasted(String text, int[] clauseStart) {
        int negator = text.indexOf("不是");
        if (negator < 0) {
            return null;
        }
        boolean[] marks = new boolean[text.length()];
        for (; negator >= 0; negator = text.indexOf("不是", negator + 2)) {
            int from = negator + 2;
            int end = from;
            while (end < text.length() && !isSeparator(text.charAt(end)) && !text.startsWith("而是", end)) {
                end++;
            }
            boolean contrast = text.startsWith("而是", end);
            if (!contrast) {
                int next = end;
                while (next < text.length() && isSeparator(text.charAt(next))) {
                    next++;
                }
                contrast =
                        next > end && next < text.length() && (text.startsWith("而是", next) || text.charAt(next) == '是');
            }
            if (contrast) {
                for (int i = from; i < end; i++) {
                    marks[i] = true;
                }
            }
        }
        return marks;
    }

    static NormalizedText of(String original) {
        StringBuilder text = new StringBuilder(original.length());
        int[] start = new int[original.length() + 8];
        int[] end = new int[original.length() + 8];
        int i = 0;
        while (i < original.length()) {
            int codePoint = original.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            // per code point, so every output character knows its source; NFKC across code points
            // (combining marks) does not matter for Chinese review text
            String normalized = normalize(codePoint);
            for (int k = 0; k < normalized.length(); k++) {
                int at = text.length();
                if (at == start.length) {
                    start = Arrays.copyOf(start, at * 2);
                    end = Arrays.copyOf(end, at * 2);
                }
                start[at] = i;
                end[at] = next;
                text.append(normalized.charAt(k));
            }
            i = next;
        }
        return new NormalizedText(original, text.toString(), start, end);
    }

    /** A lexicon term normalised the same way as review text. */
    static String normalize(String term) {
        return of(term).text();
    }

    private static String normalize(int codePoint) {
        String s = Character.isBmpCodePoint(codePoint)
                ? String.valueOf(TraditionalChinese.toSimplified((char) codePoint))
                : new String(Character.toChars(codePoint));
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || SEPARATORS.indexOf(c) >= 0;
    }

    String text() {
        return text;
    }

    /** Index of the first character of the clause holding position {@code at}. */
    int clauseStart(int at) {
        return clauseStart[at];
    }

    /** Whether position {@code at} lies in what a 不是…而是… sentence says the problem is not. */
    boolean contrasted(int at) {
        return contrasted != null && contrasted[at];
    }

    /** Index just past the clause holding position {@code at}. */
    int clauseEnd(int at) {
        int end = at;
        while (end < text.length() && !isSeparator(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The original text behind the normalised span [start, end). */
    String original(int start, int end) {
        return original.substring(originalStart[start], originalEnd[end - 1]);
    }
}
