package shop.winback.review.reasons;

import java.util.HashMap;
import java.util.Map;

/**
 * Traditional to simplified Chinese for the characters that matter here: a lookup TABLE, not a
 * converter. It covers every character of the default lexicon that has a traditional form, the
 * negators and filler words the classifier reads, and common words around them, so a review
 * written in traditional characters (質量太差, 與描述不符, 發貨慢) meets the same terms. Anything
 * outside the table passes through unchanged; a shop whose buyers write traditional text and whose
 * own terms use other characters adds the traditional spelling of those terms as extra terms.
 *
 * <p>Character by character, so the classifier can map matches back to the original text; phrase
 * level differences (甚麼 / 什么) are not handled. Checked against ICU's Traditional-Simplified
 * transliteration when written, except 覆→复 (buyers in Taiwan write 回覆 for 回复, and 覆 in its
 * own sense, 覆盖, hardly appears in reviews) and 噁→恶 (噁心 is 恶心 in everyday simplified text).
 * 乾 and 著 are left out: both are also ordinary simplified characters.
 */
final class TraditionalChinese {

    /** Pairs of (traditional, simplified), separated by whitespace. */
    private static final String PAIRS = """
            質质 號号 碼码 顏颜 與与 貨货 發发 髮发 遞递 態态 務务 貴贵 價价 壞坏 裝装 圖图 樣样 錯错 縫缝 線线
            綫线 鈕钮 釦扣 長长 緊紧 鬆松 寬宽 圍围 腳脚 頂顶 領领 褲裤 襪袜 襯衬 襖袄 帶带 鏈链 錶表 對对 實实
            際际 說说 寫写 稱称 標标 簽签 籤签 偽伪 專专 櫃柜 舊旧 個个 們们 這这 麼么 麽么 還还 買买 賣卖 東东
            無无 為为 爲为 時时 間间 問问 題题 過过 給给 讓让 開开 關关 門门 見见 覺觉 現现 從从 來来 點点 電电
            話话 機机 頭头 錢钱 費费 沒没 並并 別别 後后 兩两 幾几 萬万 億亿 週周 鐘钟 鍾钟 運运 輸输 達达 遲迟
            禮礼 認认 識识 顯显 產产 廠厂 應应 該该 總总 誤误 讀读 將将 處处 幫帮 聯联 繫系 係系 絡络 複复 復复
            覆复 雜杂 單单 獨独 齊齐 贈赠 紙纸 壓压 擠挤 損损 爛烂 濕湿 灑洒 髒脏 漬渍 劃划 脫脱 膠胶 衛卫 縮缩
            變变 彎弯 斷断 異异 氣气 聞闻 嗆呛 惡恶 噁恶 罵骂 衝冲 煩烦 啟启 傳传 軟软 輕轻 針针 織织 紗纱 紅红
            綠绿 藍蓝 黃黄 淺浅 畫画 貼贴 漲涨 優优 減减 滿满 憑凭 騙骗 嗎吗 請请 謝谢 親亲 愛爱 諉诿 責责 鍋锅
            動动 聽听 講讲 語语 錄录 據据 證证 驛驿 戶户 樓楼 層层 員员 師师 郵邮 順顺 豐丰 韻韵 倉仓 庫库 訂订
            購购 攬揽 閒闲 環环 鐵铁 鋼钢 塊块 壺壶 蓋盖 殼壳 雞鸡 魚鱼 鮮鲜 糧粮 餅饼 藥药 護护 膚肤 燈灯 閃闪
            響响 聲声 賠赔 償偿 補补 嚴严 極极 較较 寶宝 貝贝 裏里 裡里 頁页 詳详 細细 輛辆 車车 業业 歡欢 難难
            醜丑 誇夸 張张 廣广 濾滤 鏡镜 調调 選选 擇择 適适 試试 內内 邊边 種种 類类 進进 遠远 趕赶 蹤踪 跡迹
            軌轨 丟丢 換换 盡尽 虛虚 慣惯 確确 麗丽 雙双 條条 顆颗 兒儿 準准 於于 隻只 臺台 檯台 颱台 揀拣 撿捡
            義义 劑剂 棄弃 墊垫 盤盘 厲厉 騷骚 擾扰 虧亏 賺赚 書书 絲丝 絕绝 腦脑 網网 計计 紋纹 鑰钥 簡简 歲岁
            媽妈 婦妇 喲哟 吶呐 會会 涼凉 區区 賓宾 憂忧 搶抢 數数 塗涂 溫温 燙烫 癟瘪 盜盗 稅税 紐纽 組组 脅胁
            鑽钻 鏽锈 銹锈 靜静 龜龟
            """;

    private static final Map<Character, Character> SIMPLIFIED = table();

    private TraditionalChinese() {}

    /** The simplified form of {@code c} if the table has one, else {@code c}. */
    static char toSimplified(char c) {
        Character simplified = SIMPLIFIED.get(c);
        return simplified == null ? c : simplified;
    }

    /** How many characters the table maps (for tests). */
    static int size() {
        return SIMPLIFIED.size();
    }

    private static Map<Character, Character> table() {
        Map<Character, Character> table = new HashMap<>();
        for (String pair : PAIRS.strip().split("\\s+")) {
            // a typo in the table must not pass silently: fail when the class loads
            if (pair.length() != 2 || pair.charAt(0) == pair.charAt(1)) {
                throw new IllegalStateException("bad traditional/simplified pair: " + pair);
            }
            if (table.put(pair.charAt(0), pair.charAt(1)) != null) {
                throw new IllegalStateException("traditional character listed twice: " + pair.charAt(0));
            }
        }
        return Map.copyOf(table);
    }
}
