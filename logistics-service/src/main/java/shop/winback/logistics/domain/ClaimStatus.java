package shop.winback.logistics.domain;

public enum ClaimStatus {
    OPEN,
    SETTLED,
    REJECTED
}
