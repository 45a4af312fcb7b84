package shop.winback.review.reasons;

import java.util.Set;

/**
 * Whether a matched term is negated: 没有破洞, 一点也不慢, 没有明显的色差, 并没有出现开线.
 *
 * <p>A term counts as negated when, in its own clause, a negator character (不 没 无 未: this
 * covers 没有, 并没有, 并不, 也不, 不是, 毫无) stands before it with nothing in between but filler
 * words (有, 是, 太, 一点, 明显, 的, 任何 ...). Requiring fillers, rather than "a negator anywhere
 * earlier in the clause", is what keeps the frequent complaint patterns counting:
 * 没穿几次就起球, 用了不到一周就坏了, 没想到物流这么慢, 不知道为什么发货这么慢, 大家不要买质量太差,
 * 无语颜色和图片差太多: there the negator belongs to another verb, and a non-filler word
 * (几次就, 想到, 要买, 语) stands between it and the term.
 *
 * <p>Terms carrying their own negation (不合身, 不回复, 不值, 不符) are whole lexicon terms; the
 * negator inside them is part of the match, not before it, so it does not negate them.
 */
final class Negation {

    private static final String NEGATORS = "不没无未";

    /** Words that may stand between a negator and the term it negates. */
    private static final Set<String> FILLERS = Set.of(
            "有", "是", "太", "很", "算", "会", "也", "都", "真", "被", "过", "再", "多", "大", "的", "到", "出", "什么", "怎么", "啥", "那么",
            "这么", "一点", "一点儿", "半点", "一丝", "丝毫", "任何", "明显", "特别", "严重", "一般", "发现", "出现", "存在", "遇到", "看到", "见到", "感觉",
            "觉得");

    private static final int LONGEST_FILLER =
            FILLERS.stream().mapToInt(String::length).max().orElse(0);

    /** A negator followed by more filler than this is too far away to negate the term. */
    private static final int MAX_FILLER_RUN = 6;

    private Negation() {}

    static boolean isNegator(char c) {
        return NEGATORS.indexOf(c) >= 0;
    }

    static boolean containsNegator(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (isNegator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a negator before {@code termStart}, in the clause starting at {@code clauseStart}, negates the term. */
    static boolean negatedBefore(String text, int clauseStart, int termStart) {
        int earliest = Math.max(clauseStart, termStart - 1 - MAX_FILLER_RUN);
        for (int i = termStart - 1; i >= earliest; i--) {
            if (isNegator(text.charAt(i)) && onlyFillers(text, i + 1, termStart)) {
                return true;
            }
        }
        return false;
    }

    /** Whether text[start, end) splits into filler words (true for an empty span). */
    private static boolean onlyFillers(String text, int start, int end) {
        boolean[] reachable = new boolean[end - start + 1];
        reachable[0] = true;
        for (int from = 0; from < end - start; from++) {
            if (!reachable[from]) {
                continue;
            }
            for (int len = 1; len <= LONGEST_FILLER && start + from + len <= end; len++) {
                if (FILLERS.contains(text.substring(start + from, start + from + len))) {
                    reachable[from + len] = true;
                }
            }
        }
        return reachable[end - start];
    }
}
