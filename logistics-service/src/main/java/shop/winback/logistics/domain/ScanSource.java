package shop.winback.logistics.domain;

public enum ScanSource {
    KUAIDI100_PUSH,
    GENERIC_PUSH,
    KUAIDI100_QUERY
}
