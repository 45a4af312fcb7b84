package shop.winback.review.reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.winback.review.reasons.ComplaintReason.COLOUR_DIFFERENCE;
import static shop.winback.review.reasons.ComplaintReason.COURIER_CONDUCT;
import static shop.winback.review.reasons.ComplaintReason.MISSING_ITEM;
import static shop.winback.review.reasons.ComplaintReason.NOT_AS_DESCRIBED;
import static shop.winback.review.reasons.ComplaintReason.OTHER;
import static shop.winback.review.reasons.ComplaintReason.PARCEL_DAMAGED;
import static shop.winback.review.reasons.ComplaintReason.PRICE;
import static shop.winback.review.reasons.ComplaintReason.QUALITY_DAMAGE;
import static shop.winback.review.reasons.ComplaintReason.SERVICE_ATTITUDE;
import static shop.winback.review.reasons.ComplaintReason.SIZE_FIT;
import static shop.winback.review.reasons.ComplaintReason.SLOW_SHIPPING;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The classifier on the default lexicon, one behaviour at a time. Plain unit tests: no Quarkus. */
class ReasonClassifierTests {

    /** The lexicon and the patterns alone; the fallback model's guess has its own tests at the end. */
    private final ReasonClassifier classifier = new ReasonClassifier(ReasonLexicon.defaults(), FallbackModel.none());

    private final ReasonClassifier withGuess = new ReasonClassifier(ReasonLexicon.defaults());

    private List<ComplaintReason> reasons(String text) {
        return classifier.classify(text).stream().map(ReasonMatch::reason).toList();
    }

    @Test
    void severalReasonsComeInTheOrderTheyAppearWithTheWordsThatMadeThem() {
        assertThat(classifier.classify("发货慢，衣服还有个洞，客服也不理人"))
                .containsExactly(
                        new ReasonMatch(SLOW_SHIPPING, "发货慢"),
                        new ReasonMatch(QUALITY_DAMAGE, "有个洞"),
                        new ReasonMatch(SERVICE_ATTITUDE, "不理人"));
        assertThat(classifier.classify("包装破了，还少了一瓶"))
                .containsExactly(new ReasonMatch(PARCEL_DAMAGED, "包装破"), new ReasonMatch(MISSING_ITEM, "少了一"));
    }

    @Test
    void aReasonMentionedTwiceIsReportedOnceWithItsFirstEvidence() {
        assertThat(classifier.classify("起球严重，还掉色")).containsExactly(new ReasonMatch(QUALITY_DAMAGE, "起球"));
    }

    @Test
    void aGapInATermSpansTheWordsBetweenAndTheEvidenceShowsThem() {
        assertThat(classifier.classify("物流真的好慢🐢🐢")).containsExactly(new ReasonMatch(SLOW_SHIPPING, "物流真的好慢"));
        assertThat(classifier.classify("客服的态度极差")).containsExactly(new ReasonMatch(SERVICE_ATTITUDE, "态度极差"));
    }

    @Test
    void aGapDoesNotReachIntoTheNextClause() {
        assertThat(reasons("物流很快，慢慢用吧")).containsExactly(OTHER);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t", "😑😑😑", "还行吧，凑合用", "不是很满意", "此用户没有填写评价。"})
    void noRecognisedReasonIsOtherWithNoEvidence(String text) {
        assertThat(classifier.classify(text)).containsExactly(new ReasonMatch(OTHER, ""));
    }

    // --- negation

    @ParameterizedTest
    @ValueSource(
            strings = {
                "没有破洞",
                "物流不慢",
                "物流一点也不慢",
                "没有明显的色差",
                "并没有出现开线",
                "价格不贵",
                "包装完好没有破损",
                "不会掉色，也不起球",
                "并没有少发",
                "色差不大",
                "质量没问题"
            })
    void aNegatedTermIsNotAComplaint(String text) {
        assertThat(reasons(text)).as(text).containsExactly(OTHER);
    }

    @Test
    void negationStaysInsideItsClause() {
        assertThat(classifier.classify("物流不慢，就是有个洞")).containsExactly(new ReasonMatch(QUALITY_DAMAGE, "有个洞"));
        assertThat(reasons("没有色差，但是尺码偏大")).containsExactly(SIZE_FIT);
        assertThat(reasons("不是质量问题，是我自己买小了")).containsExactly(SIZE_FIT);
    }

    @Test
    void aNegatorThatBelongsToAnotherVerbDoesNotNegateTheComplaint() {
        // the negator is followed by words that are not filler (几次就, 到一周就, 想到, 要买, 语)
        assertThat(reasons("没穿几次就起球了")).containsExactly(QUALITY_DAMAGE);
        assertThat(reasons("用了不到一周就坏了")).containsExactly(QUALITY_DAMAGE);
        assertThat(reasons("没想到物流这么慢")).containsExactly(SLOW_SHIPPING);
        assertThat(reasons("大家不要买质量太差")).containsExactly(QUALITY_DAMAGE);
        assertThat(reasons("无语，颜色和图片差太多")).containsExactly(COLOUR_DIFFERENCE);
    }

    @Test
    void termsThatCarryTheirOwnNegatorAreComplaints() {
        assertThat(classifier.classify("衣服不合身")).containsExactly(new ReasonMatch(SIZE_FIT, "不合身"));
        assertThat(classifier.classify("版型奇怪，不是很合身")).containsExactly(new ReasonMatch(SIZE_FIT, "不是很合身"));
        assertThat(classifier.classify("客服一直不回复")).containsExactly(new ReasonMatch(SERVICE_ATTITUDE, "不回复"));
        assertThat(classifier.classify("售后不理人")).containsExactly(new ReasonMatch(SERVICE_ATTITUDE, "不理人"));
        assertThat(classifier.classify("不值这个价")).containsExactly(new ReasonMatch(PRICE, "不值"));
        assertThat(classifier.classify("与描述不符")).containsExactly(new ReasonMatch(NOT_AS_DESCRIBED, "与描述不符"));
    }

    @Test
    void aNegatedComplaintThatCarriesItsOwnNegatorIsNone() {
        assertThat(reasons("没有与描述不符的地方")).containsExactly(OTHER);
    }

    // --- overlaps

    @Test
    void theLongerOfOverlappingTermsDecides() {
        assertThat(classifier.classify("快递盒子压坏了")).containsExactly(new ReasonMatch(PARCEL_DAMAGED, "压坏"));
        assertThat(classifier.classify("快递员态度很差")).containsExactly(new ReasonMatch(COURIER_CONDUCT, "快递员态度"));
        assertThat(classifier.classify("色差太大了")).containsExactly(new ReasonMatch(COLOUR_DIFFERENCE, "色差太大"));
        assertThat(reasons("客服回复超级慢")).containsExactly(SERVICE_ATTITUDE);
    }

    @Test
    void aProductNameIsNotAComplaint() {
        assertThat(reasons("扫地机器人没用几天就坏了")).containsExactly(QUALITY_DAMAGE);
    }

    @Test
    void anIgnoredPhraseIsNotAComplaint() {
        assertThat(reasons("贵州发的货")).containsExactly(OTHER);
        assertThat(reasons("跟图片差不多")).containsExactly(OTHER);
        assertThat(reasons("以后不回购了")).containsExactly(OTHER);
    }

    // --- the words around a match (ReasonContext) and sentence patterns (ReasonPatterns)

    @Test
    void whoeverWasNamedLastDecidesWhoseConductItIs() {
        assertThat(classifier.classify("物流很快，就是快递小哥太不耐烦了")).containsExactly(new ReasonMatch(COURIER_CONDUCT, "不耐烦"));
        assertThat(classifier.classify("快递小哥很好，客服太不耐烦了")).containsExactly(new ReasonMatch(SERVICE_ATTITUDE, "不耐烦"));
        assertThat(reasons("派件员态度恶劣，还骂人")).containsExactly(COURIER_CONDUCT);
        assertThat(reasons("快递员直接放驿站，东西还少了一件")).containsExactly(COURIER_CONDUCT, MISSING_ITEM);
    }

    @Test
    void praiseOfTheCourierIsNoComplaint() {
        assertThat(reasons("快递员态度挺好，就是包装破了")).containsExactly(PARCEL_DAMAGED);
        assertThat(reasons("快递员不错，就是发货太慢")).containsExactly(SLOW_SHIPPING);
    }

    @Test
    void aComparisonWithThePicturesThatSpeaksOfColourIsAColourDifference() {
        assertThat(reasons("衣服大小合适，就是顏色和網上看的差很多")).containsExactly(COLOUR_DIFFERENCE);
        assertThat(reasons("收到的颜色偏红，跟图不符")).containsExactly(COLOUR_DIFFERENCE);
        assertThat(reasons("说是象牙白，收到是灰白")).containsExactly(COLOUR_DIFFERENCE);
        assertThat(reasons("跟图片差很多，做工也粗糙")).containsExactly(NOT_AS_DESCRIBED, QUALITY_DAMAGE);
    }

    @Test
    void breakageInADamagedParcelIsTheParcelsDamageButADefectStaysADefect() {
        assertThat(reasons("箱子压扁了，杯子也裂了")).containsExactly(PARCEL_DAMAGED);
        assertThat(reasons("盒子压坏了，裙子上还有个破洞")).containsExactly(PARCEL_DAMAGED, QUALITY_DAMAGE);
    }

    @Test
    void whatABuyerSaysTheProblemIsNotDoesNotCount() {
        assertThat(classifier.classify("不是衣服小了，而是腰那里开线了")).containsExactly(new ReasonMatch(QUALITY_DAMAGE, "开线"));
        assertThat(reasons("不是尺码问题而是开线")).containsExactly(QUALITY_DAMAGE);
        assertThat(reasons("不是快递慢，是快递员不肯送上楼")).containsExactly(COURIER_CONDUCT);
        assertThat(reasons("版型奇怪，不是很合身")).containsExactly(SIZE_FIT);
    }

    @Test
    void aClaimOfTheListingAndWhatCameIsNotAsDescribedUnlessAnotherReasonExplainsIt() {
        assertThat(classifier.classify("说是实心的，结果里面是空心的"))
                .containsExactly(new ReasonMatch(NOT_AS_DESCRIBED, "说是实心的，结果"));
        assertThat(reasons("买的是大号的，发来的是小号的")).containsExactly(NOT_AS_DESCRIBED);
        assertThat(reasons("说好48小时发货，结果第四天才发出")).containsExactly(SLOW_SHIPPING);
    }

    @Test
    void aShortCountAfterAnOrderIsAMissingItem() {
        assertThat(classifier.classify("拍了两套，到手只有一套")).containsExactly(new ReasonMatch(MISSING_ITEM, "到手只有"));
        assertThat(classifier.classify("订单是三件，我只拿到两件")).containsExactly(new ReasonMatch(MISSING_ITEM, "只拿到两件"));
        assertThat(reasons("只有一个缺点，就是贵")).containsExactly(PRICE);
    }

    @Test
    void aParcelShownAsSignedForThatNeverCameIsMissing() {
        assertThat(reasons("显示已签收，可是我根本没收到东西")).containsExactly(MISSING_ITEM);
        assertThat(reasons("快递员代签了也不说一声")).containsExactly(COURIER_CONDUCT);
    }

    // --- normalisation

    @Test
    void traditionalCharactersMatchTheSimplifiedTermsAndTheEvidenceStaysAsWritten() {
        assertThat(classifier.classify("質量太差了，與描述不符"))
                .containsExactly(new ReasonMatch(QUALITY_DAMAGE, "質量太差"), new ReasonMatch(NOT_AS_DESCRIBED, "與描述不符"));
        assertThat(classifier.classify("發貨太慢，價格還貴"))
                .containsExactly(new ReasonMatch(SLOW_SHIPPING, "發貨太慢"), new ReasonMatch(PRICE, "貴"));
        assertThat(classifier.classify("客服一直不回覆")).containsExactly(new ReasonMatch(SERVICE_ATTITUDE, "不回覆"));
        assertThat(reasons("沒有色差，也不起球")).containsExactly(OTHER);
    }

    @Test
    void fullWidthLettersAndPunctuationAreReadAsHalfWidth() {
        assertThat(classifier.classify("ＸＬ码穿着太紧！！")).containsExactly(new ReasonMatch(SIZE_FIT, "穿着太紧"));
        // ？ ends a clause, so a negation before it does not reach past it
        assertThat(reasons("客服说没有破洞")).containsExactly(OTHER);
        assertThat(classifier.classify("客服说没有？破洞就在袖口")).containsExactly(new ReasonMatch(QUALITY_DAMAGE, "破洞"));
        assertThat(classifier.classify("说没有色差？色差大得很")).containsExactly(new ReasonMatch(COLOUR_DIFFERENCE, "色差大"));
        // so does the ideographic space, and a gap does not reach past it
        assertThat(reasons("物流很快　慢慢用")).containsExactly(OTHER);
    }

    @Test
    void latinIsReadCaseInsensitively() {
        ReasonClassifier shop =
                new ReasonClassifier(ReasonLexicon.empty().withExtra(Map.of(NOT_AS_DESCRIBED, List.of("A货"))));
        assertThat(shop.classify("明显是a货")).containsExactly(new ReasonMatch(NOT_AS_DESCRIBED, "a货"));
        assertThat(shop.classify("明显是Ａ货")).containsExactly(new ReasonMatch(NOT_AS_DESCRIBED, "Ａ货"));
    }

    // --- the shop's own terms

    @Test
    void theShopsExtraTermsAreRecognisedAndTheDefaultLexiconStaysAsItWas() {
        String text = "项链戴了两天，掉钻了";
        assertThat(reasons(text)).containsExactly(OTHER);

        ReasonLexicon shopLexicon = ReasonLexicon.defaults().withExtra(Map.of(QUALITY_DAMAGE, List.of("掉鑽", "掉珠")));
        ReasonClassifier shop = new ReasonClassifier(shopLexicon, FallbackModel.none());

        // written in traditional characters by the shop, matched like the default terms
        assertThat(shop.classify(text)).containsExactly(new ReasonMatch(QUALITY_DAMAGE, "掉钻"));
        assertThat(shop.classify("没有掉钻")).containsExactly(new ReasonMatch(OTHER, ""));
        assertThat(ReasonLexicon.defaults().terms(QUALITY_DAMAGE)).doesNotContain("掉鑽");
        assertThat(reasons(text)).containsExactly(OTHER);
    }

    @Test
    void extraTermsMayUseGaps() {
        String text = "表盘里面全是雾气";
        assertThat(reasons(text)).containsExactly(OTHER);
        ReasonClassifier shop = new ReasonClassifier(
                ReasonLexicon.defaults().withExtra(Map.of(QUALITY_DAMAGE, List.of("表盘*雾气"))), FallbackModel.none());
        assertThat(shop.classify(text)).containsExactly(new ReasonMatch(QUALITY_DAMAGE, "表盘里面全是雾气"));
    }

    // --- the fallback model's guess

    @Test
    void aComplaintNoTermNamesGetsTheLikeliestReasonWithTheCharactersThatMadeIt() {
        assertThat(classifier.classify("耳机有电流声")).containsExactly(ReasonMatch.other());
        List<ReasonMatch> guessed = withGuess.classify("耳机有电流声");
        assertThat(guessed).extracting(ReasonMatch::reason).containsExactly(QUALITY_DAMAGE);
        assertThat("耳机有电流声").contains(guessed.get(0).evidence());
        assertThat(guessed.get(0).evidence()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "没有破洞",
                "物流不慢",
                "物流一点也不慢",
                "没有明显的色差",
                "并没有出现开线",
                "价格不贵",
                "包装完好没有破损",
                "不会掉色，也不起球",
                "并没有少发",
                "色差不大",
                "质量没问题",
                "贵州发的货",
                "跟图片差不多"
            })
    void aTextThatDeniesOrOnlySeemsAComplaintGetsNoGuess(String text) {
        assertThat(withGuess.classify(text)).as(text).containsExactly(ReasonMatch.other());
    }

    @ParameterizedTest
    @ValueSource(strings = {"还行吧，凑合用", "不是很满意", "此用户没有填写评价。", "😑😑😑", "物流很快，慢慢用吧"})
    void aTextThatSaysLittleGetsNoGuess(String text) {
        assertThat(withGuess.classify(text)).as(text).containsExactly(ReasonMatch.other());
    }

    @Test
    void complaintsNamedNeverGuessesForTextThatMayBePraise() {
        assertThat(withGuess.complaintsNamed("耳机有电流声")).containsExactly(ReasonMatch.other());
        assertThat(withGuess.complaintsNamed("发货慢，还少了一件"))
                .extracting(ReasonMatch::reason)
                .containsExactly(SLOW_SHIPPING, MISSING_ITEM);
    }

    @Test
    void aClassifierWithoutAModelNeverGuesses() {
        assertThat(new ReasonClassifier(ReasonLexicon.empty(), FallbackModel.none()).classify("耳机有电流声"))
                .containsExactly(ReasonMatch.other());
    }
}
