package shop.winback.logistics.postage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The 31 mainland provinces (short names, as buyers' addresses start) and the region each belongs to. */
public final class Provinces {

    private static final Map<String, String> REGION = new LinkedHashMap<>();

    static {
        region("华北", "北京", "天津", "河北", "山西", "内蒙古");
        region("东北", "辽宁", "吉林", "黑龙江");
        region("华东", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东");
        region("华中", "河南", "湖北", "湖南");
        region("华南", "广东", "广西", "海南");
        region("西南", "重庆", "四川", "贵州", "云南", "西藏");
        region("西北", "陕西", "甘肃", "青海", "宁夏", "新疆");
    }

    private Provinces() {}

    private static void region(String region, String... provinces) {
        for (String p : provinces) {
            REGION.put(p, region);
        }
    }

    /** "广东省", "广西壮族自治区", "北京市" and "广东" all name the province by its short name. */
    public static Optional<String> normalize(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String stripped = name.strip();
        return REGION.keySet().stream().filter(stripped::startsWith).findFirst();
    }

    public static String regionOf(String province) {
        return REGION.get(province);
    }
}
