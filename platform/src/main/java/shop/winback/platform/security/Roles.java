package shop.winback.platform.security;

/**
 * Who may call the APIs, as the {@code groups} claim of a bearer token names them
 * (DESIGN "Security model"). Every {@code /api/**} endpoint says which of these it admits.
 */
public final class Roles {

    /** The shop's order system: posts reviews, shipments, packing slips; reads what it posted. */
    public static final String INTEGRATION = "integration";
    /** A service agent: works only the tickets assigned to them, within their tier's authority. */
    public static final String AGENT = "agent";
    /** 主管: sees all tickets of the shop, reassigns, approves what exceeds an agent's authority. */
    public static final String SUPERVISOR = "supervisor";
    /** 经理 / 店长: everything a supervisor may, without limits. */
    public static final String MANAGER = "manager";
    /** Reporting jobs and dashboards: read-only statistics and lists. */
    public static final String REPORTING = "reporting";

    private Roles() {}
}
