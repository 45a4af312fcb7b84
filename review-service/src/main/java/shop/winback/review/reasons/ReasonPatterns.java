package shop.winback.review.reasons;

import java.util.List;

/**
 * Three sentence patterns that name a reason without any one telling word, for wording the
 * lexicon cannot list. Each adds its reason only when no lexicon term found it, so a term's
 * evidence always wins; each is a handful of {@code indexOf} over the review.
 * <ul>
 * <li><b>Claim and reality</b> (NOT_AS_DESCRIBED): what the listing claimed or the buyer ordered (说是,
 *     写着, 宣传的, 页面说, 买的是 …) and, in that clause or the next, what came (结果, 实际, 收到, 拆开,
 *     发来的 …): 说是实心的，结果里面是空心的; 买的是大号的，发来的是小号的. When they name colours
 *     (说是象牙白，收到是灰白) COLOUR_DIFFERENCE. Also the other way round: 收到的是二代，页面卖的是三代. Not when those clauses already gave another reason (说好48小时发货，结果第四天才发出
 *     is slow shipping, 标的是500克，称了只有400克 is missing weight).</li>
 * <li><b>Who did wrong</b> (COURIER_CONDUCT, SERVICE_ATTITUDE): the courier (快递员, 快递小哥 …) or the
 *     shop (客服, 商家, 售后 …) followed within a few characters of its clause by a negative (不, 没,
 *     嫌, 直接, 私自, 乱, 扔 …): 快递小哥嫌楼层高不肯上来, 客服嫌我问题多. Not reported speech
 *     (客服说没有色差), not praise (快递员不错, 客服没得说), not a question (能不能).</li>
 * <li><b>Short count</b> (MISSING_ITEM): after an order is mentioned (拍了, 买了, 订单, 一套 …), 只, 才,
 *     就, 仅, 到手 or 来了 with a count (只拿到两件, 只有五个, 就两件, 到手半箱); a duration is no count
 *     (才一个月就坏了).</li>
 * </ul>
 */
final class ReasonPatterns {

    /** A reason found at [start, end) of the normalised text. */
    record Hit(ComplaintReason reason, int start, int end) {}

    private static final List<String> CLAIMS = List.of(
            "说是", "写的是", "写着", "写的", "标着", "标的是", "标注", "宣传的", "宣传说", "描述说", "描述的是", "页面说", "页面写", "页面上写", "详情页说",
            "详情页写", "详情写", "号称", "标题写", "说好的是", "图片上看着", "图片看着", "说的是", "明明写", "买的是", "拍的是", "下单的是", "订的是", "宣传里",
            "宣传上");
    private static final List<String> ORDERED_CLAIMS = List.of("买的是", "拍的是", "下单的是", "订的是");
    private static final List<String> REALITY = List.of(
            "结果", "实际", "其实", "收到", "到手", "实物", "拆开", "打开", "根本", "就知道", "标签", "包装上", "原来", "发来的", "寄来的", "发的是", "寄的是",
            "明显");

    /** A claim and reality that name colours (说是象牙白，收到是灰白) are a colour difference. */
    private static final String COLOURS = "白黑红蓝绿黄紫灰粉棕";

    /** What came, said first, and the listing after it: 收到的是二代，页面卖的是三代. */
    private static final List<String> CAME = List.of("收到的是", "发来的是", "寄来的是", "到手的是", "实物是");

    private static final List<String> LISTING = List.of("页面", "详情", "描述", "图片上", "宣传", "标题", "链接");

    private static final List<String> NEGATIVES =
            List.of("不", "没", "嫌", "只会", "拒绝", "推脱", "推卸", "骂", "直接", "私自", "擅自", "随手", "随便", "乱", "扔", "丢", "一声不吭");
    /** Negatives that are praise or no complaint: 不错, 没问题, 没得说. */
    private static final List<String> PRAISE = List.of("不错", "不容易", "不厌其烦", "没问题", "没得说", "没毛病", "没话说", "没的说", "不辞辛苦");
    /** How far after the actor its negative may stand. */
    private static final int ACTOR_REACH = 4;

    private static final List<String> ORDERED = List.of(
            "拍了", "拍的", "买了", "买的", "订了", "订的", "下单", "订单", "一套", "一箱", "一盒", "一包", "一共", "总共", "应该", "标注", "说好", "说是",
            "个装", "买一送", "买二送");
    private static final List<String> ONLY = List.of("只", "才", "就", "仅", "到手", "来了");
    private static final String NUMERALS = "一二两三四五六七八九十半几0123456789";
    private static final String COUNTERS = "个件双条套罐瓶支包盒只箱斤克片袋样颗粒根把本张台份对卷桶听枚";
    /** After a counter these make a duration, not a count: 才一个月就坏了. */
    private static final String DURATION = "月星礼小钟天多";

    private ReasonPatterns() {}

    /** Adds to {@code hits} (the lexicon's) what the patterns find for reasons not yet in them. */
    static void addTo(NormalizedText text, List<Hit> hits) {
        if (absent(hits, ComplaintReason.MISSING_ITEM)) {
            shortCount(text, hits); // first: 订的是一整箱，到手半箱 is short, not a claim unmet
        }
        if (absent(hits, ComplaintReason.NOT_AS_DESCRIBED)) {
            claimAndReality(text, hits);
        }
        whoDidWrong(text, hits);
    }

    private static boolean absent(List<Hit> hits, ComplaintReason reason) {
        return hits.stream().noneMatch(h -> h.reason() == reason);
    }

    private static void claimAndReality(NormalizedText normalized, List<Hit> hits) {
        String text = normalized.text();
        if (cameThenListing(normalized, hits)) {
            return;
        }
        for (String claim : CLAIMS) {
            for (int at = text.indexOf(claim); at >= 0; at = text.indexOf(claim, at + 1)) {
                if (normalized.contrasted(at)) {
                    continue;
                }
                int end = normalized.clauseEnd(at);
                int reach = end < text.length() ? normalized.clauseEnd(end + 1) : end;
                int reality = firstOf(text, REALITY, at + claim.length(), reach);
                if (reality < 0) {
                    continue;
                }
                int from = normalized.clauseStart(at);
                int to = normalized.clauseEnd(reality);
                if (hits.stream().noneMatch(h -> h.start() < to && h.end() > from)) {
                    // what the buyer ordered against what came is a wrong item, colours or not (拍的是藏青色，发来的是黑色)
                    boolean colour = !ORDERED_CLAIMS.contains(claim) && namesColour(text, at, to);
                    int realityEnd =
                            reality + startingAt(text, REALITY, reality).length();
                    hits.add(new Hit(
                            colour ? ComplaintReason.COLOUR_DIFFERENCE : ComplaintReason.NOT_AS_DESCRIBED,
                            at,
                            realityEnd));
                    return;
                }
            }
        }
    }

    private static boolean cameThenListing(NormalizedText normalized, List<Hit> hits) {
        String text = normalized.text();
        int came = firstOf(text, CAME, 0, text.length());
        if (came < 0) {
            return false;
        }
        int end = normalized.clauseEnd(came);
        int reach = end < text.length() ? normalized.clauseEnd(end + 1) : end;
        int listing = firstOf(text, LISTING, came + 2, reach);
        if (listing < 0) {
            return false;
        }
        int from = normalized.clauseStart(came);
        int to = normalized.clauseEnd(listing);
        if (hits.stream().anyMatch(h -> h.start() < to && h.end() > from)) {
            return false;
        }
        hits.add(new Hit(
                ComplaintReason.NOT_AS_DESCRIBED,
                came,
                listing + startingAt(text, LISTING, listing).length()));
        return true;
    }

    /** 色 anywhere, or a colour character ending a word (象牙白，灰白) rather than starting one (蓝牙). */
    private static boolean namesColour(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '色'
                    || COLOURS.indexOf(c) >= 0
                            && (i + 1 >= text.length()
                                    || NormalizedText.isSeparator(text.charAt(i + 1))
                                    || "色的".indexOf(text.charAt(i + 1)) >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static void whoDidWrong(NormalizedText normalized, List<Hit> hits) {
        actor(normalized, hits, ReasonContext.COURIER, ComplaintReason.COURIER_CONDUCT);
        actor(normalized, hits, ReasonContext.SHOP, ComplaintReason.SERVICE_ATTITUDE);
    }

    private static void actor(NormalizedText normalized, List<Hit> hits, List<String> actors, ComplaintReason reason) {
        if (!absent(hits, reason)) {
            return;
        }
        String text = normalized.text();
        for (String actor : actors) {
            for (int at = text.indexOf(actor); at >= 0; at = text.indexOf(actor, at + 1)) {
                int from = at + actor.length();
                int limit = Math.min(normalized.clauseEnd(at), from + ACTOR_REACH + 1);
                for (int i = from; i < limit; i++) {
                    if (text.charAt(i) == '说') {
                        break; // reported speech: 客服说没有色差
                    }
                    String negative = startingAt(text, NEGATIVES, i);
                    if (negative == null) {
                        continue;
                    }
                    if (startingAt(text, PRAISE, i) != null || question(text, i) || normalized.contrasted(at)) {
                        break;
                    }
                    hits.add(new Hit(reason, at, i + negative.length()));
                    return;
                }
            }
        }
    }

    /** 能不能, 有没有, 是不是: a question, not a negative. */
    private static boolean question(String text, int negator) {
        return negator > 0 && negator + 1 < text.length() && text.charAt(negator - 1) == text.charAt(negator + 1);
    }

    private static void shortCount(NormalizedText normalized, List<Hit> hits) {
        String text = normalized.text();
        int ordered = firstOf(text, ORDERED, 0, text.length());
        if (ordered < 0) {
            return;
        }
        for (int i = ordered + 1; i < text.length(); i++) {
            String only = startingAt(text, ONLY, i);
            if (only == null) {
                continue;
            }
            for (int n = i + only.length(); n <= i + only.length() + 2 && n < text.length(); n++) {
                if (NormalizedText.isSeparator(text.charAt(n))) {
                    break;
                }
                if (NUMERALS.indexOf(text.charAt(n)) >= 0) {
                    int c = n;
                    while (c < text.length() && NUMERALS.indexOf(text.charAt(c)) >= 0) {
                        c++;
                    }
                    boolean count = c < text.length()
                            && COUNTERS.indexOf(text.charAt(c)) >= 0
                            && (c + 1 >= text.length() || DURATION.indexOf(text.charAt(c + 1)) < 0);
                    if (count) {
                        hits.add(new Hit(ComplaintReason.MISSING_ITEM, i, c + 1));
                        return;
                    }
                    break;
                }
            }
        }
    }

    /** The earliest position in [from, to) where one of {@code words} starts; -1 if none. */
    private static int firstOf(String text, List<String> words, int from, int to) {
        int first = -1;
        for (String word : words) {
            int at = text.indexOf(word, from);
            if (at >= 0 && at + word.length() <= to && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static String startingAt(String text, List<String> words, int at) {
        for (String word : words) {
            if (text.startsWith(word, at)) {
                return word;
            }
        }
        return null;
    }
}
