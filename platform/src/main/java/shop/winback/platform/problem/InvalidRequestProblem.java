package shop.winback.platform.problem;

import java.util.List;

/** A request rejected at the edge; carries the offending fields. Nothing was changed. */
public class InvalidRequestProblem extends ProblemException {

    public static final String TYPE = "urn:winback:problem:invalid-request";
    /** An error lists at most this many violations: a request with thousands of bad elements gets a short answer. */
    public static final int MOST_VIOLATIONS = 20;

    private final List<Problem.Violation> violations;

    public InvalidRequestProblem(List<Problem.Violation> violations) {
        super(400, TYPE, "Invalid request", summary(violations));
        this.violations = bounded(violations);
    }

    /** The first {@link #MOST_VIOLATIONS} violations. */
    static List<Problem.Violation> bounded(List<Problem.Violation> violations) {
        return List.copyOf(violations.size() <= MOST_VIOLATIONS ? violations : violations.subList(0, MOST_VIOLATIONS));
    }

    public InvalidRequestProblem(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    static String summary(List<Problem.Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Problem.Violation v : bounded(violations)) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(v.field()).append(": ").append(v.message());
        }
        if (violations.size() > MOST_VIOLATIONS) {
            sb.append("; and ").append(violations.size() - MOST_VIOLATIONS).append(" more");
        }
        return sb.toString();
    }
}
