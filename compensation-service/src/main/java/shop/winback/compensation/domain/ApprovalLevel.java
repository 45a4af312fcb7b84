package shop.winback.compensation.domain;

/** Who may approve a pending request. */
public enum ApprovalLevel {
    SUPERVISOR,
    MANAGER
}
