package shop.winback.review.reasons;

import java.util.List;
import java.util.Set;

/**
 * Where the words around a lexicon match decide its reason, so the lexicon need not list every
 * combination:
 * <ul>
 * <li><b>Whose conduct.</b> A conduct complaint (a SERVICE_ATTITUDE or COURIER_CONDUCT term: 态度差,
 *     不耐烦, 说话冲, 骂人, 电话也不打) is about whoever the buyer named last before it: the courier
 *     (快递员, 快递小哥, 派件的…) makes it COURIER_CONDUCT, the shop (客服, 商家, 售后…)
 *     SERVICE_ATTITUDE; with neither named it stays as the lexicon files it.</li>
 * <li><b>Colour.</b> A comparison with the listing (和图片差很多, 跟图不符, 差别好大) in a clause
 *     that speaks of colour (色, here or in the clause before) is COLOUR_DIFFERENCE, not
 *     NOT_AS_DESCRIBED.</li>
 * <li><b>Broken on the way.</b> Breakage words (碎了, 裂了, 破了, 坏了) in a review that already names
 *     a damaged parcel describe that damage: no separate QUALITY_DAMAGE.</li>
 * </ul>
 * A few searches of the review text per match that needs them; nothing for the others.
 */
final class ReasonContext {

    /** Who the courier is, as buyers name them (not bare 快递: 推给快递, 找快递 name it as the shop's excuse). */
    static final List<String> COURIER = List.of(
            "快递员", "快递小哥", "快递哥", "快递大哥", "快递师傅", "小哥", "派件员", "派件的", "派送员", "配送员", "送货员", "送件员", "送货的", "送快递的", "骑手");

    /** Who the shop is. */
    static final List<String> SHOP = List.of("客服", "商家", "卖家", "售后", "店家", "店主", "老板", "掌柜");

    /** NOT_AS_DESCRIBED terms holding one of these compare the item with its listing. */
    private static final List<String> COMPARISON =
            List.of("图", "照片", "描述", "网上", "宣传", "详情", "不符", "差", "不同", "一样", "滤镜", "卖家秀", "实物", "两回事", "两个东西", "不是一个");

    /** QUALITY_DAMAGE terms that a damaged parcel explains. */
    private static final Set<String> BREAKAGE = Set.of(
            "碎了", "裂了", "裂开", "破了", "坏了", "坏掉", "坏的", "烂了", "断了", "裂纹", "裂痕", "开裂", "就坏", "口子", "塌了", "凹了", "就裂", "就破");

    private ReasonContext() {}

    /**
     * The reason a match stands for, given its surroundings; null when it stands for none.
     *
     * @param term          the matched lexicon term, normalised, gaps as {@code *}
     * @param parcelDamaged whether the review names a damaged parcel
     */
    static ComplaintReason reason(
            ComplaintReason matched, String term, NormalizedText text, int start, boolean parcelDamaged) {
        return switch (matched) {
            case SERVICE_ATTITUDE, COURIER_CONDUCT -> whose(matched, text.text(), start);
            case NOT_AS_DESCRIBED ->
                comparison(term) && speaksOfColour(text, start) ? ComplaintReason.COLOUR_DIFFERENCE : matched;
            case QUALITY_DAMAGE -> parcelDamaged && BREAKAGE.contains(term) ? null : matched;
            default -> matched;
        };
    }

    /** The courier's or the shop's conduct, by who was named last before (or at) {@code start}; none named: as matched. */
    private static ComplaintReason whose(ComplaintReason matched, String text, int start) {
        int courier = lastOf(text, COURIER, start);
        int shop = lastOf(text, SHOP, start);
        if (courier == shop) {
            return matched; // neither named
        }
        return courier > shop ? ComplaintReason.COURIER_CONDUCT : ComplaintReason.SERVICE_ATTITUDE;
    }

    private static int lastOf(String text, List<String> words, int before) {
        int last = -1;
        for (String word : words) {
            last = Math.max(last, text.lastIndexOf(word, before));
        }
        return last;
    }

    private static boolean comparison(String term) {
        return COMPARISON.stream().anyMatch(term::contains);
    }

    /** Whether the match's clause, or the clause before it, names a colour. */
    private static boolean speaksOfColour(NormalizedText text, int start) {
        int clause = text.clauseStart(start);
        int from = clause >= 2 ? text.clauseStart(clause - 2) : clause;
        return text.text().substring(from, text.clauseEnd(start)).indexOf('色') >= 0;
    }
}
