package shop.winback.logistics.domain;

import java.util.Map;

/** Where a parcel stands at a scan; Kuaidi100's states (0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件, 6 退回, 7 转投, 14 拒签) map onto these. */
public enum ScanStatus {
    COLLECTED,
    IN_TRANSIT,
    DELIVERING,
    DELIVERED,
    PROBLEM,
    RETURNED;

    private static final Map<String, ScanStatus> KUAIDI100 = Map.ofEntries(
            Map.entry("0", IN_TRANSIT), Map.entry("在途", IN_TRANSIT),
            Map.entry("1", COLLECTED), Map.entry("揽收", COLLECTED),
            Map.entry("2", PROBLEM), Map.entry("疑难", PROBLEM),
            Map.entry("3", DELIVERED), Map.entry("签收", DELIVERED),
            Map.entry("4", RETURNED), Map.entry("退签", RETURNED),
            Map.entry("5", DELIVERING), Map.entry("派件", DELIVERING),
            Map.entry("6", RETURNED), Map.entry("退回", RETURNED),
            Map.entry("7", IN_TRANSIT), Map.entry("转投", IN_TRANSIT),
            Map.entry("14", RETURNED), Map.entry("拒签", RETURNED));

    /** A Kuaidi100 state code or its Chinese name; anything else counts as in transit. */
    public static ScanStatus ofKuaidi100(String state) {
        return state == null ? IN_TRANSIT : KUAIDI100.getOrDefault(state.strip(), IN_TRANSIT);
    }
}
